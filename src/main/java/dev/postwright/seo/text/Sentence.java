package dev.postwright.seo.text;

import java.util.List;

/** One sentence of the body: its text, words, and their stems for keyphrase tests. */
public record Sentence(String text, List<String> words, Keyphrase.WordSet stems) {
    static Sentence of(String text) {
        List<String> words = Words.of(text);
        return new Sentence(text, words, Keyphrase.WordSet.of(words));
    }

    /** The first word, normalised; empty for a sentence without words. */
    public String firstWord() {
        return words.isEmpty() ? "" : Words.normalize(words.getFirst());
    }
}
