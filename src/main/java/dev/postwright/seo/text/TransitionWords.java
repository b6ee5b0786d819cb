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
    private static final String[] ALL = {
            "accordingly", "additionally", "afterward", "afterwards", "also", "alternatively", "although",
            "besides", "because", "certainly", "clearly", "consequently", "conversely", "eventually", "finally",
            "first", "firstly", "further", "furthermore", "hence", "however", "indeed", "initially", "instead",
            "lastly", "likewise", "meanwhile", "moreover", "namely", "nevertheless", "next", "nonetheless",
            "notably", "otherwise", "overall", "previously", "second", "secondly", "similarly", "since",
            "specifically", "subsequently", "then", "therefore", "third", "thirdly", "though", "thus",
            "ultimately", "undoubtedly", "unless", "whereas", "while", "yet", "admittedly", "especially",
            "importantly", "surprisingly", "typically", "generally", "briefly", "equally", "until",
            "above all", "after all", "all in all", "as a result", "as a consequence", "as long as", "as soon as",
            "as well as", "at first", "at last", "at the same time", "because of", "by contrast", "by the way",
            "due to", "even if", "even so", "even though", "first of all", "for example", "for instance",
            "for this reason", "in addition", "in conclusion", "in contrast", "in fact", "in general", "in other words",
            "in particular", "in short", "in summary", "in the end", "in the meantime", "in the same way",
            "in order to", "last but not least", "on the contrary", "on the other hand", "so that", "such as",
            "that is", "to begin with", "to sum up", "to illustrate", "with this in mind", "not only",
            "rather than", "so far", "what's more", "in turn", "as a rule", "in any case", "to that end",
            "in other cases", "after that", "before that", "to put it simply", "once again"};

    private static final Map<String, List<List<String>>> BY_FIRST_WORD = new HashMap<>();

    static {
        for (String entry : ALL) {
            List<String> words = Words.of(entry).stream().map(Words::normalize).toList();
            BY_FIRST_WORD.computeIfAbsent(words.getFirst(), w -> new java.util.ArrayList<>()).add(words);
        }
    }

    private TransitionWords() {}

    /** True when the sentence's words contain a transition word or phrase. */
    public static boolean occurIn(List<String> words) {
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
