package dev.postwright.ui.desk;

import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobRequest;
import dev.postwright.ui.fx.Coalescer;
import dev.postwright.ui.fx.FxFrames;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The desk's commands: generate, cancel, retry. Engine calls run on {@code background}, never on
 * the FX thread; the followed job's events come back through one {@link Coalescer}, so the
 * {@link JobViewModel} changes at most once per frame. Called on the FX thread.
 */
public final class DeskController {
    private static final System.Logger LOG = System.getLogger(DeskController.class.getName());

    private final JobService jobs;
    private final FxFrames frames;
    private final Executor background;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final JobViewModel job = new JobViewModel();
    private volatile Subscription following;

    public DeskController(JobService jobs, FxFrames frames, Executor background) {
        this.jobs = jobs;
        this.frames = frames;
        this.background = background;
    }

    public JobViewModel job() {
        return job;
    }

    /** Queues the brief and follows its job; says in {@link #problemProperty} why it could not. */
    public void generate(JobRequest request) {
        problem.set("");
        background.execute(() -> attempt("The brief could not be started", () -> {
            String id = jobs.enqueue(request, null);
            frames.nextFrame(() -> follow(id));
        }));
    }

    public void cancel() {
        String id = job.jobIdProperty().get();
        if (id != null) background.execute(() -> attempt("The job could not be cancelled", () -> jobs.cancel(id)));
    }

    /**
     * Runs {@code work}; a failure (a refused brief, a server that cannot be reached or refused the
     * token, a database error) becomes a sentence in {@link #problemProperty}, not a lost exception.
     */
    private void attempt(String what, Runnable work) {
        try {
            work.run();
        } catch (InvalidRequestException e) {
            say(what + ": " + e.problems().stream().map(p -> p.message()).collect(java.util.stream.Collectors.joining(" ")));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: {1}", what, e.getMessage());
            say(e.getMessage() != null ? e.getMessage() : what + ".");
        }
    }

    private void say(String sentence) {
        frames.nextFrame(() -> problem.set(sentence));
    }

    /** Why the last generate, cancel or retry could not be done; empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Queues the failed or cancelled job again and follows it from the start. */
    public void retry() {
        String id = job.jobIdProperty().get();
        if (id == null) return;
        background.execute(() -> attempt("The job could not be retried", () -> {
            jobs.retry(id);
            frames.nextFrame(() -> follow(id));
        }));
    }

    /** Shows job {@code id}: its events so far, then live. */
    public void follow(String id) {
        if (following != null) following.close();
        job.start(id);
        var coalescer = new Coalescer<LoggedEvent>(frames, job::apply);
        background.execute(() -> attempt("The job's progress could not be shown", () -> following = jobs.subscribe(id, 0,
                new JobEventListener() {
                    @Override
                    public void onEvent(LoggedEvent event) {
                        coalescer.offer(event);
                    }
                })));
    }
}
