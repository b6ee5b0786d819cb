package dev.postwright.model;

import java.util.List;

/**
 * The plan of a post.
 *
 * @param kind     what shape the post takes: "how-to", "list", "guide", "comparison" or "article"
 * @param sections the H2 sections of the body, in order (introduction, conclusion and FAQ come on top)
 */
public record Outline(String title, String kind, List<Section> sections) {
    public Outline {
        sections = List.copyOf(sections);
    }

    /** A section and the points it should make. */
    public record Section(String heading, List<String> points) {
        public Section {
            points = List.copyOf(points);
        }
    }
}
