package dev.postwright.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a post's Markdown names an image of the library: {@code ![alt](postwright-image:ID)}. Every
 * face resolves the reference its own way (the preview to the image's bytes, an export to a file
 * beside it, {@code serve} to its image route), so the stored post never holds a path or a host.
 */
public final class ImageRefs {
    public static final String SCHEME = "postwright-image:";
    /** A Markdown image whose target is a reference; group 1 is the alt text, group 2 the id. */
    public static final Pattern MARKDOWN = Pattern.compile("!\\[([^\\]\\n]*)]\\(" + Pattern.quote(SCHEME)
            + "([A-Za-z0-9_-]{1,64})\\)");

    private ImageRefs() {}

    /** The reference to image {@code id}. */
    public static String of(String id) {
        return SCHEME + id;
    }

    /** The id a link target names, or empty when it is not a reference. */
    public static Optional<String> idOf(String target) {
        if (target == null || !target.startsWith(SCHEME)) return Optional.empty();
        String id = target.substring(SCHEME.length());
        return id.matches("[A-Za-z0-9_-]{1,64}") ? Optional.of(id) : Optional.empty();
    }

    /** The Markdown that shows {@code image} with {@code alt} (brackets and line breaks taken out). */
    public static String markdown(String alt, String id) {
        return "![" + (alt == null ? "" : alt.replaceAll("[\\[\\]\\r\\n]+", " ").strip()) + "](" + of(id) + ")";
    }

    /** Whether {@code markdown} shows any library image. */
    public static boolean anyIn(String markdown) {
        Matcher m = MARKDOWN.matcher(markdown == null ? "" : markdown);
        return m.find();
    }
}
