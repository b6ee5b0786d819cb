package dev.postwright.seo.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English transition words and phrases, the signposts that tie sentences together ("however",
 * "as a result", "for example"). Phrases are indexed by their first word, so a sentence is
 * scanned once.
 */
public final class TransitionWords {
    /**
     * Single words and phrases that signal how a sentence relates to the one before, as the
     * reference analysis counts them: connectives of cause, contrast, time, condition and example.
     * Ordinals and "next" are left out: "the first thing" orders nothing.
     */
    private static final String[] ALL = {
            "accordingly", "additionally", "afterward", "afterwards", "also", "although", "besides", "because",
            "certainly", "consequently", "conversely", "eventually", "finally", "firstly", "further", "furthermore",
            "hence", "however", "indeed", "initially", "instead", "lastly", "likewise", "meanwhile", "moreover",
            "namely", "nevertheless", "nonetheless", "otherwise", "overall", "previously", "secondly", "similarly",
            "since", "specifically", "subsequently", "then", "therefore", "thirdly", "though", "thus",
            "undoubtedly", "unless", "whereas", "while", "especially", "surprisingly", "generally", "equally",
            "until", "than", "so", "later", "before", "if", "when", "but", "soon", "whenever", "whether", "unlike",
            "despite", "still", "till",
            "above all", "after all", "all in all", "as a result", "as long as", "as soon as", "as well as",
            "at first", "at last", "at the same time", "due to", "even if", "even so", "even though", "for example",
            "for instance", "for this reason", "in addition", "in conclusion", "in contrast", "in fact",
            "in general", "in other words", "in particular", "in short", "in summary", "in the meantime",
            "in the same way", "in order to", "on the contrary", "on the other hand", "so that", "such as",
            "that is", "to begin with", "to sum up", "to illustrate", "with this in mind", "not only", "so far",
            "what's more", "in any case", "to that end", "after that", "at this point", "for one thing", "in brief",
            "to summarize", "in the first place", "provided that", "given that", "in case", "in the long run",
            "from time to time", "to be sure", "of course", "then again"};

    /** Pairs that signal together, in one sentence: "either … or", "not only … but also". */
    // ("whether … or" and "not only … but also" need no pair: "whether" and "but" count alone.)
    private static final List<List<String>> PAIRS = List.of(List.of("both", "and"), List.of("either", "or"),
            List.of("neither", "nor"));

    private static final Map<String, List<List<String>>> BY_FIRST_WORD = new HashMap<>();

    static {
        for (String entry : ALL) {
            List<String> words = Words.of(entry).stream().map(Words::normalize).toList();
            BY_FIRST_WORD.computeIfAbsent(words.getFirst(), w -> new java.util.ArrayList<>()).add(words);
        }
    }

    private TransitionWords() {}

    /** True when the sentence's words contain a transition word or phrase, or both parts of a pair. */
    public static boolean occurIn(List<String> words) {
        for (List<String> pair : PAIRS) {
            if (contains(words, Words.of(pair.get(0))) && contains(words, Words.of(pair.get(1)))) return true;
        }
        return single(words);
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        List<String> normalized = phrase.stream().map(Words::normalize).toList();
        for (int i = 0; i < words.size(); i++) {
            if (Words.normalize(words.get(i)).equals(normalized.getFirst()) && matchesAt(words, i, normalized)) return true;
        }
        return false;
    }

    private static boolean single(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            List<List<String>> candidates = BY_FIRST_WORD.get(Words.normalize(words.get(i)));
            if (candidates == null) continue;
            for (List<String> phrase : candidates) {
                if (matchesAt(words, i, phrase)) return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<String> words, int at, List<String> phrase) {
        if (at + phrase.size() > words.size()) return false;
        for (int k = 1; k < phrase.size(); k++) {
            if (!Words.normalize(words.get(at + k)).equals(phrase.get(k))) return false;
        }
        return true;
    }
}
