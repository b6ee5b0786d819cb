package dev.postwright.render.internal;

import dev.postwright.model.ImageRefs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;

/**
 * Pictures in a Word document: the library's PNG and JPEG images placed inline, at most the text's
 * width, with their alt text as the picture's description (what Word's Alt Text pane and screen
 * readers read). What cannot be placed (an image the library lacks, a WebP picture Word does not
 * open, an address on the web) is written as words, never as a broken picture.
 */
final class DocxPictures {
    /** The widest a picture is drawn: the text width, in EMU. */
    private static final long MAX_WIDTH_EMU = (long) DocxDocument.TEXT_WIDTH_TWIPS * Units.EMU_PER_POINT / 20;

    private final Function<String, Optional<LibraryPicture>> images;

    DocxPictures(Function<String, Optional<LibraryPicture>> images) {
        this.images = images;
    }

    /** Writes the image {@code destination} with {@code alt} into {@code paragraph}, as a picture or as words. */
    void place(XWPFParagraph paragraph, String destination, String alt) {
        Optional<String> id = ImageRefs.idOf(destination);
        if (id.isEmpty()) {
            // A picture on the web is not fetched: the export must not reach out, and it stays a link.
            DocxRuns.linked(paragraph, destination, "[Image: " + describe(alt) + "]");
            return;
        }
        Optional<LibraryPicture> image = images.apply(id.get());
        if (image.isEmpty()) {
            DocxRuns.text(paragraph, "[image not found: " + alt + "]");
            return;
        }
        PictureType type = switch (image.get().mediaType()) {
            case "image/png" -> PictureType.PNG;
            case "image/jpeg" -> PictureType.JPEG;
            default -> null;
        };
        int[] size = type == null ? null : pixels(image.get().bytes());
        if (size == null) {
            DocxRuns.text(paragraph, "[Image: " + describe(alt) + " (" + image.get().mediaType()
                    + " pictures cannot be placed in a Word document)]");
            return;
        }
        double scale = Math.min(1.0, MAX_WIDTH_EMU / (double) Units.pixelToEMU(size[0]));
        int width = (int) Math.round(Units.pixelToEMU(size[0]) * scale);
        int height = (int) Math.round(Units.pixelToEMU(size[1]) * scale);
        XWPFRun run = paragraph.createRun();
        XWPFPicture picture;
        try {
            picture = run.addPicture(new ByteArrayInputStream(image.get().bytes()), type, image.get().fileName(), width,
                    height);
        } catch (IOException | InvalidFormatException e) {
            DocxRuns.text(paragraph, "[Image: " + describe(alt) + "]");
            return;
        }
        String description = DocxText.clean(alt).strip();
        picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(description);
        var drawing = run.getCTR().getDrawingArray(run.getCTR().sizeOfDrawingArray() - 1);
        CTInline inline = drawing.getInlineArray(0);
        inline.getDocPr().setDescr(description);
    }

    private static String describe(String alt) {
        return alt == null || alt.isBlank() ? "no description" : alt.strip();
    }

    /** Width and height in pixels, read from the header without decoding; null when unreadable. */
    private static int[] pixels(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return width > 0 && height > 0 ? new int[] {width, height} : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
