package dev.postwright.seo.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splitting text into words and comparing them. A word is a run of letters, digits, apostrophes
 * and inner hyphens; comparison is case-insensitive and forgives simple English inflection
 * (plural -s/-es/-ies, possessive 's), so "bakers" matches "baker". Stateless.
 */
public final class Words {
    private Words() {}

    /** The words of {@code text} as written (punctuation stripped), in order. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(text.charAt(i))) i++;
            int start = i;
            while (i < n && (isWordChar(text.charAt(i)) || isInnerJoiner(text, i))) i++;
            if (i > start) words.add(text.substring(start, i));
        }
        return words;
    }

    /** How many words {@code text} has, without building them. */
    public static int count(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean wordChar = isWordChar(text.charAt(i)) || (inWord && isInnerJoiner(text, i));
            if (wordChar && !inWord) count++;
            inWord = wordChar;
        }
        return count;
    }

    /** Lower case, typographic apostrophes made plain. */
    public static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** A crude English stem: enough to match a keyphrase's singular against a plural in the text. */
    public static String stem(String word) {
        String w = normalize(word);
        if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
        else if (w.endsWith("'")) w = w.substring(0, w.length() - 1);
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) return w.substring(0, n - 3) + "y";
        if (n > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes")
                || w.endsWith("zes"))) {
            return w.substring(0, n - 2);
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** An apostrophe or hyphen joins two letters of one word ("don't", "well-known"). */
    private static boolean isInnerJoiner(String text, int i) {
        char c = text.charAt(i);
        boolean joiner = c == '\'' || c == '\u2019' || c == '-';
        return joiner && i > 0 && i + 1 < text.length() && isWordChar(text.charAt(i - 1))
                && isWordChar(text.charAt(i + 1));
    }
}
