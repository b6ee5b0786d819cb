package dev.postwright.llm.offline;

import dev.postwright.model.Embeds;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads the brief's embeds over the sections: videos early (they show how), tweets in the
 * middle (voices), articles later (context). Every embed that exists is placed once; no
 * placeholder points at an index that does not exist.
 */
final class EmbedPlacements {
    private EmbedPlacements() {}

    /** For each section, the placeholders that follow it. */
    static List<List<String>> spread(Embeds embeds, int sections) {
        List<List<String>> bySection = new ArrayList<>();
        for (int i = 0; i < sections; i++) bySection.add(new ArrayList<>());
        place(bySection, "VIDEO", embeds.videos().size(), 0);
        place(bySection, "TWEET", embeds.tweets().size(), sections / 2);
        place(bySection, "ARTICLE", embeds.articles().size(), Math.max(0, sections - 2));
        return bySection;
    }

    private static void place(List<List<String>> bySection, String kind, int count, int start) {
        for (int i = 0; i < count; i++) {
            bySection.get((start + i) % bySection.size()).add("[" + kind + ":" + i + "]");
        }
    }
}
