package dev.postwright.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape a post takes, read from its title: what the offline engine outlines by, and the
 * Blog SDK's {@code blog_type} (§2.1) for a brief sent there.
 */
public enum PostKind {
    HOW_TO("how-to", "how_to"), LIST("list", "listicle"), GUIDE("guide", "guide"),
    COMPARISON("comparison", "comparison"), ARTICLE("article", null);

    /** A title starting with a count: "7 ways…". */
    public static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,2})\\b");
    /** The word between the two sides of a comparison. */
    public static final Pattern VERSUS = Pattern.compile("(?i)\\s(?:vs\\.?|versus)\\s");

    private final String wireName;
    private final String blogType;

    PostKind(String wireName, String blogType) {
        this.wireName = wireName;
        this.blogType = blogType;
    }

    /** The name an outline's {@code kind} carries. */
    public String wireName() {
        return wireName;
    }

    /** The Blog SDK's {@code blog_type}, or null for a plain article (the SDK's default). */
    public String blogType() {
        return blogType;
    }

    /** The kind an outline names; an unknown name is an article. */
    public static PostKind ofWireName(String name) {
        for (PostKind k : values()) if (k.wireName.equals(name)) return k;
        return ARTICLE;
    }

    public static PostKind of(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (VERSUS.matcher(title).find() || t.contains(" compared ")) return COMPARISON;
        if (t.startsWith("how to") || t.contains("step by step") || t.contains("step-by-step")) return HOW_TO;
        if (LEADING_NUMBER.matcher(t).find() || t.matches(".*\\b(ways|tips|ideas|reasons|mistakes|examples)\\b.*")) {
            return LIST;
        }
        if (t.matches(".*\\b(guide|beginners?|introduction|basics|complete|ultimate|101)\\b.*")) return GUIDE;
        return ARTICLE;
    }
}
