package dev.postwright.llm.offline;

import dev.postwright.model.PostKind;
import java.util.regex.Matcher;

/** What the offline engine says and plans for each {@link PostKind}. Stateless. */
final class KindTexts {
    private KindTexts() {}

    /** How a sentence names the kind: "a practical step-by-step guide". */
    static String noun(PostKind kind) {
        return switch (kind) {
            case HOW_TO -> "step-by-step guide";
            case LIST -> "list";
            case GUIDE -> "guide";
            case COMPARISON -> "comparison";
            case ARTICLE -> "read";
        };
    }

    /** The number a list title promises ("7 ways…"), clamped to 4-7 sections. */
    static int listLength(String title) {
        Matcher m = PostKind.LEADING_NUMBER.matcher(title);
        return m.find() ? Math.max(4, Math.min(7, Integer.parseInt(m.group(1)))) : 5;
    }

    /** The two sides of "A vs B"; falls back to the whole title and "the alternative". */
    static String[] sides(String title) {
        String[] parts = PostKind.VERSUS.split(title, 2);
        if (parts.length < 2) return new String[] {title.strip(), "the alternative"};
        String right = parts[1].replaceAll("[:?!.].*$", "").strip();
        return new String[] {parts[0].replaceAll("^.*:", "").strip(), right};
    }
}
