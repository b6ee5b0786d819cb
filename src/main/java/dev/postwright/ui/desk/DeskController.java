package dev.postwright.ui.desk;

import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobRequest;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.Coalescer;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The desk's commands: generate, cancel, retry. Engine calls run on {@code background} (through
 * {@link FxTasks}), never on the FX thread; the followed job's events come back through one {@link Coalescer}, so the
 * {@link JobViewModel} changes at most once per frame. Called on the FX thread.
 */
public final class DeskController {
    private static final System.Logger LOG = System.getLogger(DeskController.class.getName());

    private final JobService jobs;
    private final FxFrames frames;
    private final FxTasks tasks;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final JobViewModel job = new JobViewModel();
    /** A brief is on its way to the queue: Generate was pressed and the job has no id yet. */
    private final BooleanProperty starting = new SimpleBooleanProperty();
    private final BooleanBinding busy = starting.or(job.phaseProperty().isEqualTo(JobViewModel.Phase.RUNNING));
    /** The subscription of the job shown; FX thread only. */
    private Subscription following;
    /** Counts follows, so a subscription that arrives after a later follow is closed, not kept. FX thread only. */
    private long follows;

    public DeskController(JobService jobs, FxFrames frames, Executor background) {
        this.jobs = jobs;
        this.frames = frames;
        this.tasks = new FxTasks(background, frames);
    }

    public JobViewModel job() {
        return job;
    }

    /**
     * Queues the brief and follows its job; says in {@link #problemProperty} why it could not.
     * Does nothing while {@link #busyProperty} holds: a second click, or Ctrl+Enter pressed
     * again, must not start the same brief twice, nor a second job hide the one being written.
     */
    public void generate(JobRequest request) {
        if (busy.get()) return;
        problem.set("");
        starting.set(true);
        tasks.execute(BackgroundTask.call(() -> jobs.enqueue(request, null))
                .onSuccess(id -> {
                    follow(id); // running before starting ends, so busy never flickers off in between
                    starting.set(false);
                })
                .onFailure(e -> {
                    starting.set(false);
                    problem("The brief could not be started", e);
                }));
    }

    /** True from Generate until the job it started, or the job followed, has ended (or could not start). */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public void cancel() {
        String id = job.jobIdProperty().get();
        if (id != null) tasks.execute(BackgroundTask.call(() -> jobs.cancel(id))
                .onFailure(e -> problem("The job could not be cancelled", e)));
    }

    /**
     * A failure (a refused brief, a server that cannot be reached or refused the token, a database
     * error) becomes a sentence in {@link #problemProperty}, not a lost exception. FX thread.
     */
    private void problem(String what, Exception e) {
        if (e instanceof InvalidRequestException refused) {
            problem.set(what + ": " + refused.problems().stream().map(p -> p.message()).collect(Collectors.joining(" ")));
            return;
        }
        LOG.log(Level.WARNING, "{0}: {1}", what, e.getMessage());
        problem.set(e.getMessage() != null ? e.getMessage() : what + ".");
    }

    /** Why the last generate, cancel or retry could not be done; empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Queues the failed or cancelled job again and follows it from the start. */
    public void retry() {
        String id = job.jobIdProperty().get();
        if (id == null) return;
        tasks.execute(BackgroundTask.call(() -> jobs.retry(id))
                .onSuccess(result -> follow(id))
                .onFailure(e -> problem("The job could not be retried", e)));
    }

    /**
     * Shows job {@code id}: its events so far, then live. The subscription is made in the
     * background and kept on the FX thread only if this is still the job followed; one that a
     * later follow overtook is closed as it arrives, and its events are dropped, so quick follows
     * never leave one open nor show a job's events twice. FX thread.
     */
    public void follow(String id) {
        long ticket = ++follows;
        closeFollowed();
        job.start(id);
        // Batches of an overtaken follow are dropped: a job followed twice must not get its events twice.
        var coalescer = new Coalescer<LoggedEvent>(frames, batch -> {
            if (ticket == follows) job.apply(batch);
        });
        tasks.execute(BackgroundTask.call(() -> jobs.subscribe(id, 0, new JobEventListener() {
                    @Override
                    public void onEvent(LoggedEvent event) {
                        coalescer.offer(event);
                    }
                }))
                .onSuccess(subscription -> {
                    if (ticket == follows) following = subscription;
                    else subscription.close(); // overtaken by a later follow
                })
                .onFailure(e -> {
                    if (ticket == follows) problem("The job's progress could not be shown", e);
                }));
    }

    private void closeFollowed() {
        if (following != null) following.close();
        following = null;
    }
}
