package dev.postwright.render;

import dev.postwright.model.BlogPost;
import dev.postwright.render.internal.DocxBlocks;
import dev.postwright.render.internal.DocxDocument;
import dev.postwright.render.internal.LibraryPicture;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * A post as a Word document (.docx, through Apache POI): the title and subtitle, then the body
 * with Word's own heading styles (the navigation pane lists them), lists with Word's numbering,
 * real hyperlinks, tables, block quotes, the library's pictures with their alt text, and embeds
 * as cards of text and link; the title, meta description and keywords as the document's
 * properties. Read from the same parse as the preview, with the same limits: links only to web
 * and mail addresses, raw HTML as text, nothing fetched from the network. Stateless; thread-safe.
 */
public final class DocxExport {
    private DocxExport() {}

    /** The .docx file's bytes; {@code renderer} reads the Markdown as the preview does and finds the images. */
    public static byte[] export(BlogPost post, PostRenderer renderer) {
        Node body = renderer.parse(post.content(), post.embeds());
        var document = new DocxDocument();
        document.properties(post.title(), post.metaDescription(), PostKeywords.of(post));
        var blocks = new DocxBlocks(document, id -> renderer.images().image(id)
                .map(image -> new LibraryPicture(image.bytes(), image.mediaType(), image.fileName())));
        Node first = body.getFirstChild();
        if (first instanceof Heading h && h.getLevel() == 1) {
            blocks.title(h);
            first = first.getNext();
        } else if (post.title() != null && !post.title().isBlank()) {
            blocks.styled("Title", post.title());
        }
        if (post.subtitle() != null && !post.subtitle().isBlank()) blocks.styled("Subtitle", post.subtitle());
        for (Node block = first; block != null; block = block.getNext()) blocks.write(block);
        return document.bytes();
    }
}
