package dev.postwright.ui.desk;

import dev.postwright.model.JobRequest;
import dev.postwright.queue.InvalidRequestException;
import dev.postwright.queue.JobEventListener;
import dev.postwright.queue.JobService;
import dev.postwright.queue.LoggedEvent;
import dev.postwright.queue.Subscription;
import dev.postwright.ui.fx.Coalescer;
import dev.postwright.ui.fx.FxFrames;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;

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

    /** Queues the brief and follows its job. */
    public void generate(JobRequest request) {
        background.execute(() -> {
            try {
                String id = jobs.enqueue(request, null);
                frames.nextFrame(() -> follow(id));
            } catch (InvalidRequestException | dev.postwright.store.StoreException e) {
                LOG.log(Level.WARNING, "The brief could not be queued: {0}", e.getMessage());
            }
        });
    }

    public void cancel() {
        String id = job.jobIdProperty().get();
        if (id != null) background.execute(() -> jobs.cancel(id));
    }

    /** Queues the failed or cancelled job again and follows it from the start. */
    public void retry() {
        String id = job.jobIdProperty().get();
        if (id == null) return;
        background.execute(() -> {
            jobs.retry(id);
            frames.nextFrame(() -> follow(id));
        });
    }

    /** Shows job {@code id}: its events so far, then live. */
    public void follow(String id) {
        if (following != null) following.close();
        job.start(id);
        var coalescer = new Coalescer<LoggedEvent>(frames, job::apply);
        background.execute(() -> following = jobs.subscribe(id, 0, new JobEventListener() {
            @Override
            public void onEvent(LoggedEvent event) {
                coalescer.offer(event);
            }
        }));
    }
}
