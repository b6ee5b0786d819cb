package dev.postwright.ui.parts;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.fix.FixFailure;
import dev.postwright.seo.fix.FixOffer;
import dev.postwright.seo.fix.FixProposal;
import dev.postwright.seo.fix.PostFields;
import dev.postwright.seo.fix.SeoFixer;
import dev.postwright.seo.fix.SeoFixes;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Fix this check" for one SEO panel: which failing checks have a fix, the fix being made, the
 * proposal shown for the writer to accept or discard, and what went wrong. One fix at a time;
 * asking for another drops the one shown. Nothing changes in the post until {@link #accept},
 * and then the {@link Target} applies it. FX thread only; the fix is made on {@code tasks}.
 */
public final class SeoFixViewModel {
    /** Where the fixes go: the post as it stands, and what accepting one does. */
    public interface Target {
        /**
         * FX thread: what reads the post as it stands now, called in the background (it may
         * read the library); null when there is no post to fix.
         */
        Callable<PostFields> snapshot();

        /**
         * FX thread: applies {@code proposal}, unless the post changed where it applies since it
         * was made; {@code done} gets a sentence saying what happened, on the FX thread.
         */
        void apply(FixProposal proposal, Consumer<String> done);
    }

    private final Supplier<? extends SeoAnalyzer> analyzers;
    private final Supplier<Optional<SpanRewriter>> model;
    private final FxTasks tasks;
    private final Target target;
    private final ReadOnlyObjectWrapper<FixProposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageCheck = new ReadOnlyStringWrapper();
    private CancellationToken cancel = new CancellationToken();
    private long ticket;

    /**
     * @param analyzers the analysis with the checks counted now
     * @param model     what rewrites spans now: the model server chosen in Settings, or empty
     */
    public SeoFixViewModel(Supplier<? extends SeoAnalyzer> analyzers, Supplier<Optional<SpanRewriter>> model,
                           FxTasks tasks, Target target) {
        this.analyzers = analyzers;
        this.model = model;
        this.tasks = tasks;
        this.target = target;
    }

    /** The fix offered for {@code checkId} with what is configured now. */
    public Optional<FixOffer> offerFor(String checkId) {
        return SeoFixes.offer(checkId, model.get().isPresent());
    }

    /** Makes the fix for {@code checkId}; the proposal, or a sentence why there is none, follows. */
    public void ask(String checkId) {
        Optional<FixOffer> offer = offerFor(checkId);
        Callable<PostFields> snapshot = target.snapshot();
        if (offer.isEmpty()) return;
        if (snapshot == null) {
            say(checkId, "This post is not in the library, so a fix has nowhere to be kept. Generate it with \"Save "
                    + "to library\" on to fix it here.");
            return;
        }
        long mine = ++ticket;
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        var token = cancel = new CancellationToken();
        proposal.set(null);
        message.set("");
        working.set(checkId);
        var fixer = new SeoFixer(analyzers.get());
        var rewriter = model.get();
        tasks.execute(BackgroundTask.call(() -> fixer.propose(offer.get(), snapshot.call(), rewriter, token))
                .onSuccess(made -> {
                    if (mine != ticket) return;
                    working.set(null);
                    proposal.set(made);
                })
                .onFailure(e -> {
                    if (mine != ticket) return;
                    working.set(null);
                    say(checkId, e instanceof FixFailure ? e.getMessage()
                            : "The fix could not be made: " + e.getMessage());
                }));
    }

    /** Applies the proposal shown. */
    public void accept() {
        FixProposal shown = proposal.get();
        if (shown == null) return;
        proposal.set(null);
        target.apply(shown, sentence -> say(shown.offer().checkId(), sentence));
    }

    /** Drops the proposal shown, or stops the fix being made; the post stays as it is. */
    public void discard() {
        ticket++;
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        working.set(null);
        proposal.set(null);
        message.set("");
    }

    private void say(String checkId, String sentence) {
        messageCheck.set(checkId);
        message.set(sentence);
    }

    /** The proposal waiting for the writer; null when none is. */
    public ReadOnlyObjectProperty<FixProposal> proposalProperty() { return proposal.getReadOnlyProperty(); }
    /** The id of the check whose fix is being made; null when none is. */
    public ReadOnlyStringProperty workingProperty() { return working.getReadOnlyProperty(); }
    /** What the last fix came to, when it is not a proposal: applied, refused, failed. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The check {@link #messageProperty} is about. */
    public ReadOnlyStringProperty messageCheckProperty() { return messageCheck.getReadOnlyProperty(); }
}
