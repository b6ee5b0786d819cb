package dev.postwright.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Tells whether bytes really are a whole picture, from their content rather than what a server
 * said they were: PNG by its signature, every chunk's length and CRC up to IEND, and a full decode
 * with ImageIO; JPEG by its signature, its end marker and a full decode;
 * WebP (which ImageIO cannot decode) by its RIFF header, its declared length and its frame header.
 * Pictures wider or taller than {@link #MAX_SIDE} are refused before decoding, so a small file
 * cannot claim a picture that would fill memory. Thread-safe; touches no display and no disk.
 */
public final class ImageBytes {
    /** The largest side accepted, in pixels: twice what any maker is asked for. */
    public static final int MAX_SIDE = 8_192;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** What the bytes turned out to be. */
    public record Picture(String mediaType, int width, int height) {}

    /** Bytes that are not a whole picture; the message completes "The server sent …". */
    public static final class NotAnImageException extends Exception {
        private final boolean broken;

        NotAnImageException(String message, boolean broken) {
            super(message, null, false, false);
            this.broken = broken;
        }

        /** True when the bytes began as a picture but are cut off or damaged: a retry may fetch them whole. */
        public boolean broken() {
            return broken;
        }
    }

    private ImageBytes() {}

    /** @throws NotAnImageException saying what the bytes are instead (a web page, text, a cut-off PNG…) */
    public static Picture inspect(byte[] bytes) throws NotAnImageException {
        if (startsWith(bytes, PNG)) return png(bytes);
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return jpeg(bytes);
        }
        if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
            return webp(bytes);
        }
        throw new NotAnImageException(describe(bytes), false);
    }

    private static Picture png(byte[] bytes) throws NotAnImageException {
        if (bytes.length < 33 || !ascii(bytes, 12, 4).equals("IHDR")) throw cutOff("PNG");
        checkSides(int32(bytes, 16), int32(bytes, 20));
        checkChunks(bytes);
        decode(bytes, "png", "PNG");
        return new Picture("image/png", int32(bytes, 16), int32(bytes, 20));
    }

    /**
     * Walks the chunks to IEND, checking each length and CRC, before ImageIO sees them: its reader
     * allocates what a chunk's length claims, so a damaged length could otherwise exhaust memory.
     */
    private static void checkChunks(byte[] bytes) throws NotAnImageException {
        var crc = new CRC32();
        int at = PNG.length;
        while (true) {
            if (at + 12 > bytes.length) throw cutOff("PNG");
            int length = int32(bytes, at);
            if (length < 0) throw damaged("PNG");
            if (length > bytes.length - at - 12) throw cutOff("PNG");
            crc.reset();
            crc.update(bytes, at + 4, length + 4);
            if ((int) crc.getValue() != int32(bytes, at + 8 + length)) throw damaged("PNG");
            if (ascii(bytes, at + 4, 4).equals("IEND")) return;
            at += 12 + length;
        }
    }

    private static Picture jpeg(byte[] bytes) throws NotAnImageException {
        // A cut-off JPEG decodes with only a warning, so its end-of-image marker is what proves it whole.
        if (!endsWithJpegEnd(bytes)) throw cutOff("JPEG");
        int[] sides = decode(bytes, "jpeg", "JPEG");
        return new Picture("image/jpeg", sides[0], sides[1]);
    }

    private static Picture webp(byte[] bytes) throws NotAnImageException {
        long declared = 8L + (int32le(bytes, 4) & 0xffffffffL);
        if (bytes.length < declared || bytes.length < 30) throw cutOff("WebP");
        String chunk = ascii(bytes, 12, 4);
        int width;
        int height;
        switch (chunk) {
            case "VP8X" -> {
                width = 1 + int24le(bytes, 24);
                height = 1 + int24le(bytes, 27);
            }
            case "VP8L" -> {
                int bits = int32le(bytes, 21);
                width = 1 + (bits & 0x3fff);
                height = 1 + ((bits >>> 14) & 0x3fff);
            }
            case "VP8 " -> {
                width = (bytes[26] & 0xff | (bytes[27] & 0xff) << 8) & 0x3fff;
                height = (bytes[28] & 0xff | (bytes[29] & 0xff) << 8) & 0x3fff;
            }
            default -> throw new NotAnImageException("a WebP file of an unknown kind (" + chunk.strip() + ")", false);
        }
        checkSides(width, height);
        return new Picture("image/webp", width, height);
    }

    /** Decodes the whole picture, so a corrupt one is refused here rather than in a reader's browser. */
    private static int[] decode(byte[] bytes, String format, String name) throws NotAnImageException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new IllegalStateException("the JDK has no " + format + " reader");
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSides(width, height);
            reader.read(0);
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            throw damaged(name);
        } finally {
            reader.dispose();
        }
    }

    private static void checkSides(int width, int height) throws NotAnImageException {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new NotAnImageException("a picture of " + Integer.toUnsignedString(width) + "x"
                    + Integer.toUnsignedString(height) + " pixels, more than the " + MAX_SIDE + " a side accepted", false);
        }
    }

    private static NotAnImageException damaged(String name) {
        return new NotAnImageException("a damaged " + name + " file that cannot be decoded", true);
    }

    private static NotAnImageException cutOff(String name) {
        return new NotAnImageException("a " + name + " file that stops short (the transfer was cut off)", true);
    }

    /**
     * What bytes that are no picture look like, to complete "The server sent …": "a web page
     * (HTML)", "JSON", "markup (XML or HTML)", "text", "nothing (an empty body)" or "data of an unknown kind".
     */
    public static String describe(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")) {
            return "a web page (HTML)";
        }
        if (head.startsWith("{") || head.startsWith("[")) return "JSON";
        if (head.startsWith("<")) return "markup (XML or HTML)";
        if (bytes.length == 0) return "nothing (an empty body)";
        boolean printable = head.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t');
        return printable ? "text" : "data of an unknown kind";
    }

    private static boolean endsWithJpegEnd(byte[] bytes) {
        // Some encoders pad after the marker; look at the last few bytes, not only the final two.
        for (int i = bytes.length - 2; i >= Math.max(2, bytes.length - 64); i--) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xd9) return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] bytes, int at, int length) {
        return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    private static int int32le(byte[] b, int at) {
        return b[at] & 0xff | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static int int24le(byte[] b, int at) {
        return b[at] & 0xff | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
