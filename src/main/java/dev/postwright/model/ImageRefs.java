package dev.postwright.model;

import java.util.Collection;
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
    /** One character of alt text: an escape, or anything but a bracket, a backslash or a line break. */
    private static final String ALT_CHAR = "(?:\\\\[^\\n]|[^\\[\\]\\\\\\n])";
    /**
     * A Markdown image whose target is a reference; group 1 is the alt text as written (backslash
     * escapes and one level of balanced brackets allowed, see {@link #alt}), group 2 the id.
     */
    public static final Pattern MARKDOWN = Pattern.compile("!\\[((?:" + ALT_CHAR + "|\\[" + ALT_CHAR + "*])*)]\\("
            + Pattern.quote(SCHEME) + "([A-Za-z0-9_-]{1,64})\\)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");

    /** The writers' placeholder for the featured image: {@code ![IMAGE:featured:description]}. */
    private static final Pattern FEATURED_PLACEHOLDER = Pattern.compile("!\\[IMAGE:featured[^\\]\\n]*]",
            Pattern.CASE_INSENSITIVE);
    /** The title heading, then (group 2) a library image on the first line after it, if there is one. */
    private static final Pattern TITLE = Pattern.compile("\\A(\\s*# [^\\n]*\\n)");

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

    /** The Markdown that shows {@code image} with {@code alt} (stripped, brackets escaped, line breaks made spaces). */
    public static String markdown(String alt, String id) {
        return "![" + escapeAlt(alt == null ? "" : alt.strip()) + "](" + of(id) + ")";
    }

    /** Alt text as Markdown writes it inside {@code ![…]}: backslashes and brackets escaped, line breaks made spaces. */
    public static String escapeAlt(String alt) {
        if (alt == null) return "";
        return alt.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\\\[\\]])", "\\\\$1");
    }

    /** The alt text a reader gets from {@link #MARKDOWN}'s group 1: its backslash escapes undone. */
    public static String alt(String written) {
        return written == null ? "" : ESCAPE.matcher(written).replaceAll("$1");
    }

    /** Whether {@code markdown} shows any library image. */
    public static boolean anyIn(String markdown) {
        Matcher m = MARKDOWN.matcher(markdown == null ? "" : markdown);
        return m.find();
    }

    /**
     * {@code markdown} with image {@code id} as its featured image, which takes the place of the
     * one before: a reference to one of {@code featuredIds}, else the writers'
     * {@code ![IMAGE:featured…]} placeholder; with neither, it goes right after the title heading,
     * else at the top. Any other picture, even one right under the title, is the writer's and stays.
     *
     * @param featuredIds the post's images placed as its featured image (made so, or chosen so before)
     */
    public static String withFeatured(String markdown, String alt, String id, Collection<String> featuredIds) {
        String content = markdown == null ? "" : markdown;
        String image = markdown(alt, id);
        Matcher ref = MARKDOWN.matcher(content);
        while (ref.find()) {
            if (featuredIds.contains(ref.group(2))) return splice(content, ref.start(), ref.end(), image);
        }
        Matcher title = TITLE.matcher(content);
        boolean titled = title.find();
        Matcher placeholder = FEATURED_PLACEHOLDER.matcher(content);
        if (placeholder.find()) return splice(content, placeholder.start(), placeholder.end(), image);
        if (titled) return title.group(1) + "\n" + image + "\n\n" + content.substring(title.end(1)).stripLeading();
        return image + "\n\n" + content;
    }

    private static String splice(String content, int start, int end, String replacement) {
        return content.substring(0, start) + replacement + content.substring(end);
    }
}
