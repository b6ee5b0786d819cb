package dev.postwright.seo.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The focus keyphrase, matched on its content words (function words such as "how" or "to" are
 * left out, unless the phrase has nothing else). A text matches when it contains every content
 * word in some form; "baking sourdough bread" matches "Bread is easy: sourdough baking…".
 */
public final class Keyphrase {
    private final String text;
    private final List<String> contentStems;

    private Keyphrase(String text, List<String> contentStems) {
        this.text = text;
        this.contentStems = contentStems;
    }

    /** The keyphrase of {@code text}; blank or null gives {@link #isSet()} false. */
    public static Keyphrase of(String text) {
        if (text == null || text.isBlank()) return new Keyphrase("", List.of());
        List<String> words = Words.of(text);
        List<String> content = words.stream().filter(w -> !FunctionWords.isFunctionWord(w)).toList();
        List<String> chosen = content.isEmpty() ? words : content;
        return new Keyphrase(text.strip(), chosen.stream().map(Words::stem).distinct().toList());
    }

    public boolean isSet() {
        return !contentStems.isEmpty();
    }

    public String text() {
        return text;
    }

    /** How many content words the phrase has. */
    public int contentWordCount() {
        return contentStems.size();
    }

    /** True when {@code words} hold every content word. */
    public boolean isAllIn(WordSet words) {
        return isSet() && words.stems().containsAll(contentStems);
    }

    /** How many of the content words {@code words} hold. */
    public int countIn(WordSet words) {
        int found = 0;
        for (String stem : contentStems) if (words.stems().contains(stem)) found++;
        return found;
    }

    /**
     * How many times the whole keyphrase occurs in {@code words} (a sentence): as often as its
     * rarest content word, 0 when one is missing. "Sourdough bread, and more bread" uses it once.
     */
    public int occurrencesIn(List<String> words) {
        if (!isSet()) return 0;
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String w : words) counts.merge(Words.stem(w), 1, Integer::sum);
        int fewest = Integer.MAX_VALUE;
        for (String stem : contentStems) fewest = Math.min(fewest, counts.getOrDefault(stem, 0));
        return fewest;
    }

    /**
     * True when {@code text} begins with the exact keyphrase, once any function words before it
     * are passed over: "How to paint kitchen cabinets…" begins with "paint kitchen cabinets".
     */
    public boolean opens(String text) {
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        String phrase = this.text.toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf(phrase);
        // At a word's start only: "into the wild" does not open with "to the wild".
        while (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) at = lower.indexOf(phrase, at + 1);
        if (!isSet() || at < 0) return false;
        for (String w : Words.of(lower.substring(0, at))) if (!FunctionWords.isFunctionWord(w)) return false;
        return true;
    }

    /** True when every content word occurs in {@code text}. */
    public boolean isAllIn(String text) {
        return isAllIn(WordSet.of(text));
    }

    /** The stems of a piece of text, for repeated keyphrase tests. */
    public record WordSet(Set<String> stems) {
        public static WordSet of(String text) {
            Set<String> stems = new HashSet<>();
            for (String w : Words.of(text)) stems.add(Words.stem(w));
            return new WordSet(stems);
        }

        public static WordSet of(List<String> words) {
            Set<String> stems = new HashSet<>();
            for (String w : words) stems.add(Words.stem(w));
            return new WordSet(stems);
        }
    }
}
