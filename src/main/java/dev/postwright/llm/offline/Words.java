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

    /**
     * The phrase as a sentence shows it. A phrase of three words or more written in Title Case
     * ("How To Bake Bread", taken from a title) is lower-cased; anything else is kept as the writer
     * wrote it, so proper nouns keep their capitals ("Belegausgabepflicht", "the Finanzamt",
     * "iPhone", "SEO", "Google Analytics").
     */
    static String inSentence(String phrase) {
        String p = phrase.strip();
        String[] words = p.split("\\s+");
        if (words.length < 3) return p;
        for (String w : words) {
            boolean small = w.matches("(?i)a|an|the|and|or|of|in|on|for|to|with|vs\\.?") && w.equals(w.toLowerCase(Locale.ROOT));
            boolean capitalizedOnly = Character.isUpperCase(w.charAt(0)) && w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT));
            if (!small && !capitalizedOnly) return p;
        }
        return p.toLowerCase(Locale.ROOT);
    }
}
