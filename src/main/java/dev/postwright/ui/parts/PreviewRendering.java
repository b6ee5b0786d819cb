package dev.postwright.ui.parts;

import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import dev.postwright.ui.fx.FxFrames;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a preview should show, rendered off the FX thread, latest first: a whole post replaces
 * whatever was waiting, draft pieces are gathered (never dropped) until the render thread is
 * free, and the result comes back through {@code frames} to {@code apply} as one {@link Update}
 * per render. {@link #clear} drops what is waiting and anything still being rendered. No
 * JavaFX: the page it patches is {@link PostPreview}'s. Methods are called on the FX thread;
 * rendering happens on {@code renderThread}, one render at a time.
 */
final class PreviewRendering {
    private static final System.Logger LOG = System.getLogger(PreviewRendering.class.getName());

    /** What the page should do. */
    sealed interface Update {
        /** Replace the page's body with {@code html}. */
        record Page(String html) implements Update {}

        /** Draw the draft by {@code patch}. */
        record Draft(DraftStream.Patch patch) implements Update {}
    }

    private final PostRenderer renderer;
    private final Executor renderThread;
    private final FxFrames frames;
    private final Consumer<Update> apply;
    /** Bumped by {@link #clear()}: updates rendered before it are not applied. */
    private final AtomicLong generation = new AtomicLong();

    // Guarded by this: what is waiting for the render thread.
    private boolean waiting;
    private boolean rendering;
    private String postMarkdown;
    private Embeds postEmbeds;
    private boolean postIsLatest;
    private boolean restartDraft;
    private final StringBuilder draftAdded = new StringBuilder();
    private boolean redrawDraft;

    // Render thread only.
    private final DraftStream draft;
    private long streamGeneration = -1;
    private boolean pageShowsDraft;

    PreviewRendering(PostRenderer renderer, Executor renderThread, FxFrames frames, Consumer<Update> apply) {
        this.renderer = renderer;
        this.renderThread = renderThread;
        this.frames = frames;
        this.apply = apply;
        this.draft = new DraftStream(renderer);
    }

    /** Renders {@code markdown} with {@code embeds} as the page, replacing whatever waits to be shown. */
    synchronized void show(String markdown, Embeds embeds) {
        postMarkdown = markdown;
        postEmbeds = embeds;
        postIsLatest = true;
        schedule();
    }

    /** Adds {@code added} to the draft, after voiding the draft so far when {@code restart}. */
    synchronized void draft(boolean restart, String added) {
        if (restart) {
            restartDraft = true;
            draftAdded.setLength(0);
        }
        draftAdded.append(added);
        postIsLatest = false;
        schedule();
    }

    /** The page lost the draft (it was replaced meanwhile): the next draft update draws it whole. */
    synchronized void redrawDraft() {
        redrawDraft = true;
        if (!postIsLatest) schedule();
    }

    /** Drops what waits and what is being rendered; the next draft is a new one. */
    synchronized void clear() {
        generation.incrementAndGet();
        dropWaiting();
    }

    /** Forgets what waits to be rendered; called holding the lock. */
    private void dropWaiting() {
        waiting = false;
        postMarkdown = null;
        postIsLatest = false;
        restartDraft = false;
        redrawDraft = false;
        draftAdded.setLength(0);
    }

    private void schedule() {
        waiting = true;
        if (!rendering) {
            rendering = true;
            renderThread.execute(this::renderWaiting);
        }
    }

    private record Work(long generation, String post, Embeds embeds, boolean postIsLatest, boolean restart,
                        String added, boolean redraw) {}

    private synchronized Work take() {
        if (!waiting) {
            rendering = false;
            return null;
        }
        var work = new Work(generation.get(), postMarkdown, postEmbeds, postIsLatest, restartDraft,
                draftAdded.toString(), redrawDraft);
        dropWaiting();
        return work;
    }

    private void renderWaiting() {
        Work work;
        while ((work = take()) != null) {
            try {
                Update update = render(work);
                long asOf = work.generation();
                frames.nextFrame(() -> {
                    if (asOf == generation.get()) apply.accept(update);
                });
            } catch (RuntimeException e) { // one bad render must not stop the preview
                LOG.log(Level.WARNING, "The preview could not be rendered", e);
            }
        }
    }

    private Update render(Work work) {
        if (work.generation() != streamGeneration) { // after clear(), a draft starts over
            draft.reset();
            pageShowsDraft = false;
            streamGeneration = work.generation();
        }
        if (work.redraw()) pageShowsDraft = false;
        if (work.postIsLatest()) {
            draft.add(work.restart(), work.added()); // later pieces continue it
            pageShowsDraft = false;
            return new Update.Page(renderer.renderBody(work.post(), work.embeds()));
        }
        DraftStream.Patch patch;
        if (work.restart()) {
            patch = draft.next(true, work.added());
        } else if (!pageShowsDraft) {
            draft.add(false, work.added());
            patch = draft.whole();
        } else {
            patch = draft.next(false, work.added());
        }
        pageShowsDraft = true;
        return new Update.Draft(patch);
    }
}
