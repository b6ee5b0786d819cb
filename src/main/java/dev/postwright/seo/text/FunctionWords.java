package dev.postwright.seo.text;

import java.util.Set;

/** English words that carry grammar rather than meaning; a keyphrase is matched on the others. */
final class FunctionWords {
    static final Set<String> ALL = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "without",
            "by", "from", "as", "into", "onto", "about", "over", "under", "up", "down", "out", "off", "than",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
            "it", "its", "this", "that", "these", "those", "how", "what", "why", "when", "where", "who", "whom",
            "which", "whose", "your", "you", "yours", "our", "we", "us", "my", "i", "me", "their", "they",
            "them", "his", "her", "he", "she", "him", "can", "could", "should", "would", "will", "shall",
            "may", "might", "must", "not", "no", "so", "if", "then", "very", "just", "also", "all", "any",
            "some", "each", "every", "more", "most", "much", "many", "such", "own", "same", "too", "via");

    private FunctionWords() {}
}
