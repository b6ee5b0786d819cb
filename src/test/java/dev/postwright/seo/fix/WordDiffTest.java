package dev.postwright.seo.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.seo.fix.WordDiff.Change;
import dev.postwright.seo.fix.WordDiff.Segment;
import org.junit.jupiter.api.Test;

class WordDiffTest {
    @Test
    void keptRemovedAndAddedWordsInOrder() {
        assertThat(WordDiff.of("Feed the starter daily.", "Feed your sourdough starter daily.")).containsExactly(
                new Segment(Change.SAME, "Feed "), new Segment(Change.REMOVED, "the "),
                new Segment(Change.ADDED, "your sourdough "), new Segment(Change.SAME, "starter daily."));
    }

    @Test
    void theTextsAreRebuiltFromTheSegments() {
        String before = "one two three four five six";
        String after = "zero one three four six seven";
        var diff = WordDiff.of(before, after);
        assertThat(diff.stream().filter(s -> s.change() != Change.ADDED).map(Segment::text)
                .reduce("", String::concat)).as("before's words, spaced as after").isEqualToIgnoringWhitespace(before);
        assertThat(diff.stream().filter(s -> s.change() != Change.REMOVED).map(Segment::text)
                .reduce("", String::concat)).isEqualTo(after);
    }

    @Test
    void aLastWordFollowedByMoreIsKept() {
        assertThat(WordDiff.of("Bake at home.", "Bake at home. Then rest.")).containsExactly(
                new Segment(Change.SAME, "Bake at home. "), new Segment(Change.ADDED, "Then rest."));
    }

    @Test
    void equalTextsAreOneKeptSegment() {
        assertThat(WordDiff.of("a b", "a b")).containsExactly(new Segment(Change.SAME, "a b"));
    }
}
