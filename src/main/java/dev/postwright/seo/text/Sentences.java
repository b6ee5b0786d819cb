package dev.postwright.seo.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a block of prose into sentences: a sentence ends at '.', '!', '?' or '…' followed by
 * white space and a capital letter, digit or quote, unless the dot ends a common abbreviation
 * ("e.g.", "Dr.") or a single initial. Stateless.
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof",
            "st", "jr", "sr", "inc", "ltd", "co", "approx", "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k");

    private Sentences() {}

    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') continue;
            int end = i + 1;
            while (end < n && isCloser(text.charAt(end))) end++; // closing quotes and brackets belong to it
            int next = end;
            while (next < n && Character.isWhitespace(text.charAt(next))) next++;
            boolean atEnd = next >= n;
            boolean boundary = atEnd || (next > end && startsSentence(text.charAt(next)));
            if (boundary && !(c == '.' && endsAbbreviation(text, i))) {
                add(sentences, text.substring(start, end));
                start = next;
                i = next - 1;
            }
        }
        if (start < n) add(sentences, text.substring(start));
        return sentences;
    }

    private static void add(List<String> sentences, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty() && Words.count(s) > 0) sentences.add(s);
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '.'
                || c == '!' || c == '?';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '\'' || c == '('
                || c == '[' || c == '*' || c == '_';
    }

    private static boolean endsAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) start--;
        String word = text.substring(start, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(text.charAt(start))) return true; // an initial: "J. Smith"
        return ABBREVIATIONS.contains(word);
    }
}
