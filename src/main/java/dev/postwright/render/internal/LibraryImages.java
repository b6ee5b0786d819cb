package dev.postwright.render.internal;

import dev.postwright.model.ImageRefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Points a parsed post's library images ({@code postwright-image:ID}) at what the renderer may
 * load: a {@code data:} URL of their bytes. An image the library does not have becomes a line of
 * text saying so, never a broken picture.
 */
public final class LibraryImages {
    private LibraryImages() {}

    /** @param sources the {@code data:} URL of an image id, or empty when the library has none */
    public static void resolve(Node document, Function<String, Optional<String>> sources) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (ImageRefs.idOf(image.getDestination()).isPresent()) images.add(image);
            }
        });
        for (Image image : images) {
            Optional<String> source = sources.apply(ImageRefs.idOf(image.getDestination()).orElseThrow());
            if (source.isPresent()) {
                image.setDestination(source.get());
            } else {
                image.insertBefore(new Text("[image not found: " + altOf(image) + "]"));
                image.unlink();
            }
        }
    }

    private static String altOf(Node image) {
        var alt = new StringBuilder();
        for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) alt.append(t.getLiteral());
        }
        return alt.toString();
    }
}
