package dev.postwright.images.offline;

import dev.postwright.model.ImageQuality;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG bytes through ImageIO's own writer, in memory (no cache file). The writer adds no time
 * stamp or other metadata, so the same pixels always give the same bytes. The quality picks the
 * deflate effort: a draft encodes fastest, high gives the smallest file.
 */
final class PngEncoder {
    private PngEncoder() {}

    static byte[] encode(RenderedImage image, ImageQuality quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        var out = new ByteArrayOutputStream(256 * 1024);
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            // ImageIO's PNG writer maps quality q to deflate level 9 - round(9q): 1, 4 (its default) and 9.
            param.setCompressionQuality(switch (quality) {
                case DRAFT -> 8 / 9f;
                case STANDARD -> 5 / 9f;
                case HIGH -> 0f;
            });
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("a PNG could not be written to memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
