package dev.postwright.llm.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence frames dealt like cards: each family's frames come in an order seeded by the brief,
 * and a post takes the next unused one each time, so a frame repeats only once every frame of its
 * family has been used. A family used once per section has at least five frames (a post has at
 * most ten sections), one used every other section at least four, so no frame appears more than
 * twice in a post. Not thread-safe; one per draft.
 */
final class Frames {
    private final Variants variants;
    private final Map<String, List<String>> decks = new HashMap<>();

    Frames(Variants variants) {
        this.variants = variants;
    }

    /** The next frame of {@code family} this post has not used (all its frames are given each time). */
    String next(String family, String... frames) {
        List<String> deck = decks.get(family);
        if (deck == null || deck.isEmpty()) {
            deck = new ArrayList<>(List.of(frames));
            for (int i = deck.size() - 1; i > 0; i--) java.util.Collections.swap(deck, i, variants.index(i + 1));
            decks.put(family, deck);
        }
        return deck.removeFirst();
    }
}
