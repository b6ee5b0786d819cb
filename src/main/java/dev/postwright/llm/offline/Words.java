package dev.postwright.llm.offline;

import java.util.Locale;

/** Small text helpers for composing drafts. */
final class Words {
    private Words() {}

    /** "sourdough bread" → "Sourdough bread". */
    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "sourdough bread" → "Sourdough Bread", leaving small words lower case. */
    static String titleCase(String s) {
        var out = new StringBuilder();
        String[] words = s.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean small = i > 0 && w.matches("(?i)a|an|the|and|or|of|in|on|for|to|with|vs\\.?");
            if (out.length() > 0) out.append(' ');
            out.append(small ? w.toLowerCase(Locale.ROOT) : capitalized(w));
        }
        return out.toString();
    }

    /** Lower case unless the phrase looks like a name (all capitals or inner capitals). */
    static String inSentence(String phrase) {
        String p = phrase.strip();
        boolean nameLike = p.chars().skip(1).anyMatch(Character::isUpperCase);
        return nameLike ? p : p.toLowerCase(Locale.ROOT);
    }
}
