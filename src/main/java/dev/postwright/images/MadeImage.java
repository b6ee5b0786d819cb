package dev.postwright.images;

import dev.postwright.model.PictureTypes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A finished picture: its encoded bytes (PNG, JPEG or WebP) and what the library stores with them.
 * The bytes are copied in and out, so an instance is immutable; equality is by content.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param source    who made it: {@code "offline"} or the image server's model
 * @param sha256    the bytes' SHA-256 as lower-case hex, for de-duplication and integrity checks
 */
public record MadeImage(byte[] bytes, String mediaType, int width, int height, String source, String sha256) {
    public MadeImage {
        bytes = bytes.clone();
    }

    /** An image whose hash is computed from {@code bytes}. */
    public static MadeImage of(byte[] bytes, String mediaType, int width, int height, String source) {
        return new MadeImage(bytes, mediaType, width, height, source, sha256(bytes));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    /** {@code png}, {@code jpg} or {@code webp}: the extension a file of these bytes takes. */
    public String fileExtension() {
        return PictureTypes.extension(mediaType).orElse("png");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MadeImage m && Arrays.equals(bytes, m.bytes) && mediaType.equals(m.mediaType)
                && width == m.width && height == m.height && source.equals(m.source) && sha256.equals(m.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "MadeImage[" + mediaType + ", " + width + "x" + height + ", " + bytes.length + " bytes, " + source + ", "
                + sha256.substring(0, 12) + "…]";
    }
}
