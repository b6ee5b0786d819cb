package dev.postwright.ui.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.render.PostRenderer;
import org.junit.jupiter.api.Test;

class DraftStreamTest {
    private final DraftStream stream = new DraftStream(new PostRenderer());

    @Test
    void finishedBlocksAreRenderedOnceAndOnlyTheTailAgain() {
        var first = stream.next(true, "# Title\n\nFirst para");
        assertThat(first.reset()).isTrue();
        assertThat(first.stableHtml()).contains("<h1>Title</h1>").doesNotContain("First para");
        assertThat(first.tailHtml()).contains("First para");

        var second = stream.next(false, "graph.\n\nSecond");
        assertThat(second.reset()).isFalse();
        assertThat(second.stableHtml()).contains("First paragraph.").doesNotContain("Title");
        assertThat(second.tailHtml()).contains("Second").doesNotContain("First");

        var third = stream.next(false, " one");
        assertThat(third.reset()).isFalse();
        assertThat(third.stableHtml()).isEmpty();
        assertThat(third.tailHtml()).contains("Second one");
    }

    @Test
    void aBlankLineInsideACodeFenceIsNotABoundary() {
        String draft = "Intro.\n\n```\ncode\n\nmore code\n";
        assertThat(DraftStream.stableSplit(draft)).isEqualTo("Intro.\n\n".length());
        var piece = stream.next(true, draft);
        assertThat(piece.tailHtml()).contains("more code").contains("<pre>");
    }

    @Test
    void aRestartVoidsTheDraftSoFar() {
        stream.next(true, "# One\n\nText.\n\nMore");
        var other = stream.next(true, "# Another\n\nText");
        assertThat(other.reset()).isTrue();
        assertThat(other.stableHtml()).contains("Another").doesNotContain("One");
        assertThat(stream.next(false, "\n\nAnd on").stableHtml()).contains("Text").doesNotContain("Another");
    }

    @Test
    void theWholeDraftIsDrawnAgainForAPageThatLostIt() {
        stream.next(true, "# Title\n\nFirst.\n\n");
        stream.add(false, "Second");
        var whole = stream.whole();
        assertThat(whole.reset()).isTrue();
        assertThat(whole.stableHtml()).contains("Title").contains("First.");
        assertThat(whole.tailHtml()).contains("Second");
    }

    @Test
    void theLastLineIsNeverFinishedEvenWhenBlank() {
        assertThat(DraftStream.stableSplit("Para one.\n")).isZero();
        assertThat(DraftStream.stableSplit("Para one.\n\n")).isEqualTo("Para one.\n\n".length());
    }
}
