package dev.postwright.llm.offline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shape a post takes, read from its title. */
enum PostKind {
    HOW_TO("how-to", "step-by-step guide"), LIST("list", "list"), GUIDE("guide", "guide"),
    COMPARISON("comparison", "comparison"), ARTICLE("article", "read");

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,2})\\b");
    private static final Pattern VERSUS = Pattern.compile("(?i)\\s(?:vs\\.?|versus)\\s");

    final String wireName;
    /** How a sentence names it: "a practical step-by-step guide". */
    final String noun;

    PostKind(String wireName, String noun) {
        this.wireName = wireName;
        this.noun = noun;
    }

    static PostKind ofWireName(String name) {
        for (PostKind k : values()) if (k.wireName.equals(name)) return k;
        return ARTICLE;
    }

    static PostKind of(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (VERSUS.matcher(title).find() || t.contains(" compared ")) return COMPARISON;
        if (t.startsWith("how to") || t.contains("step by step") || t.contains("step-by-step")) return HOW_TO;
        if (LEADING_NUMBER.matcher(t).find() || t.matches(".*\\b(ways|tips|ideas|reasons|mistakes|examples)\\b.*")) {
            return LIST;
        }
        if (t.matches(".*\\b(guide|beginners?|introduction|basics|complete|ultimate|101)\\b.*")) return GUIDE;
        return ARTICLE;
    }

    /** The number a list title promises ("7 ways…"), clamped to 4-7 sections. */
    static int listLength(String title) {
        Matcher m = LEADING_NUMBER.matcher(title);
        return m.find() ? Math.max(4, Math.min(7, Integer.parseInt(m.group(1)))) : 5;
    }

    /** The two sides of "A vs B"; falls back to the whole title and "the alternative". */
    static String[] sides(String title) {
        String[] parts = VERSUS.split(title, 2);
        if (parts.length < 2) return new String[] {title.strip(), "the alternative"};
        String right = parts[1].replaceAll("[:?!.].*$", "").strip();
        return new String[] {parts[0].replaceAll("^.*:", "").strip(), right};
    }
}
