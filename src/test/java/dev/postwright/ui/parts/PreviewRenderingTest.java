package dev.postwright.ui.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import dev.postwright.testing.ManualFrames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview's latest-wins rendering, with the render thread and the frames run by hand: no WebView. */
class PreviewRenderingTest {
    final ManualFrames frames = new ManualFrames();
    final ArrayDeque<Runnable> renderThread = new ArrayDeque<>();
    final List<PreviewRendering.Update> applied = new ArrayList<>();
    final PreviewRendering rendering = new PreviewRendering(new PostRenderer(), renderThread::add, frames, applied::add);

    private void renderAndApply() {
        while (!renderThread.isEmpty()) renderThread.remove().run();
        frames.runDue();
    }

    private PreviewRendering.Update.Draft lastDraft() {
        return (PreviewRendering.Update.Draft) applied.getLast();
    }

    @Test
    void onlyTheLatestPostIsRenderedWhenSeveralWait() {
        rendering.show("# One", Embeds.NONE);
        rendering.show("# Two", Embeds.NONE);
        rendering.show("# Three", Embeds.NONE);
        assertThat(renderThread).as("one render at a time").hasSize(1);
        renderAndApply();
        assertThat(applied).singleElement().isInstanceOfSatisfying(PreviewRendering.Update.Page.class,
                page -> assertThat(page.html()).contains("Three").doesNotContain("One", "Two"));
    }

    @Test
    void draftPiecesThatWaitAreJoinedNotDropped() {
        rendering.draft(true, "# Title\n\nFirst");
        rendering.draft(false, " paragraph.\n\n");
        rendering.draft(false, "Second");
        renderAndApply();
        assertThat(applied).hasSize(1);
        var patch = lastDraft().patch();
        assertThat(patch.reset()).isTrue();
        assertThat(patch.stableHtml()).contains("Title").contains("First paragraph.");
        assertThat(patch.tailHtml()).contains("Second");

        rendering.draft(false, " one.");
        renderAndApply();
        assertThat(lastDraft().patch().reset()).isFalse();
        assertThat(lastDraft().patch().stableHtml()).isEmpty();
        assertThat(lastDraft().patch().tailHtml()).contains("Second one.");
    }

    @Test
    void aDraftResetStartsThePageOverWithOnlyTheNewText() {
        rendering.draft(true, "# Old draft\n\nGone");
        renderAndApply();
        rendering.draft(false, " soon.");
        rendering.draft(true, "# New draft\n\n");
        rendering.draft(false, "Kept");
        renderAndApply();
        var patch = lastDraft().patch();
        assertThat(patch.reset()).isTrue();
        assertThat(patch.stableHtml() + patch.tailHtml()).contains("New draft", "Kept").doesNotContain("Old", "Gone");
    }

    @Test
    void afterAPostTheDraftIsDrawnWholeAndItsPiecesKept() {
        rendering.draft(true, "# Title\n\nBody");
        renderAndApply();
        rendering.show("# Another page", Embeds.NONE);
        renderAndApply();
        assertThat(applied.getLast()).isInstanceOf(PreviewRendering.Update.Page.class);
        rendering.draft(false, " text");
        rendering.draft(false, " goes on");
        renderAndApply();
        var patch = lastDraft().patch();
        assertThat(patch.reset()).as("the page showed something else").isTrue();
        assertThat(patch.stableHtml()).contains("Title");
        assertThat(patch.tailHtml()).contains("Body text goes on");
    }

    @Test
    void aPostOvertakenByDraftPiecesIsSkippedAndTheDraftContinues() {
        rendering.draft(true, "# Title\n\nBody");
        renderAndApply();
        rendering.show("# Never shown", Embeds.NONE);
        rendering.draft(false, " more");
        renderAndApply();
        assertThat(applied).hasSize(2);
        assertThat(lastDraft().patch().reset()).isFalse();
        assertThat(lastDraft().patch().tailHtml()).contains("Body more");
    }

    @Test
    void whatWasRenderedBeforeAClearIsNeverApplied() {
        rendering.draft(true, "# Old job\n\n");
        renderThread.remove().run(); // rendered, its frame not yet run
        rendering.draft(false, "more of the old job");
        rendering.clear();
        rendering.draft(false, "# New job");
        renderAndApply();
        assertThat(applied).hasSize(1);
        var patch = lastDraft().patch();
        assertThat(patch.reset()).isTrue();
        assertThat(patch.tailHtml()).contains("New job");
        assertThat(patch.stableHtml() + patch.tailHtml()).doesNotContain("Old", "old");
    }

    @Test
    void aPageThatLostTheDraftGetsItWhole() {
        rendering.draft(true, "# Title\n\nOne.\n\nTwo");
        renderAndApply();
        rendering.redrawDraft();
        renderAndApply();
        var patch = lastDraft().patch();
        assertThat(patch.reset()).isTrue();
        assertThat(patch.stableHtml()).contains("Title", "One.");
        assertThat(patch.tailHtml()).contains("Two");
    }
}
