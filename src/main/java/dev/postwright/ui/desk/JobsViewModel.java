package dev.postwright.ui.desk;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobService;
import dev.postwright.model.JobStatus;
import dev.postwright.ui.fx.FxFrames;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every job on this computer, newest first, and the commands on one. Reads run off the FX thread. */
public final class JobsViewModel {
    private static final int SHOWN = 200;

    private final JobService queue;
    private final FxFrames frames;
    private final Executor background;
    private final ObservableList<JobStatus> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public JobsViewModel(JobService queue, FxFrames frames, Executor background) {
        this.queue = queue;
        this.frames = frames;
        this.background = background;
    }

    public ObservableList<JobStatus> jobs() {
        return jobs;
    }

    /** What the last command said, for the view's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        background.execute(() -> {
            try {
                List<JobStatus> now = queue.list(SHOWN);
                frames.nextFrame(() -> jobs.setAll(now));
            } catch (RuntimeException e) { // a team server that cannot be reached: say so, keep the list
                frames.nextFrame(() -> message.set(e.getMessage()));
            }
        });
    }

    public void cancel(String id) {
        command(() -> queue.cancel(id), "Cancelled.", "Only a queued or running job can be cancelled.");
    }

    public void retry(String id) {
        command(() -> queue.retry(id), "Queued again.", "Only a failed or cancelled job can be retried.");
    }

    public void delete(String id) {
        command(() -> queue.delete(id), "Deleted.", "A job that is still running cannot be deleted; cancel it first.");
    }

    private void command(java.util.function.Supplier<CommandResult> work, String done, String notAllowed) {
        background.execute(() -> {
            CommandResult result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                frames.nextFrame(() -> message.set(e.getMessage()));
                return;
            }
            String said = switch (result) {
                case APPLIED -> done;
                case NOT_ALLOWED -> notAllowed;
                case NOT_FOUND -> "That job no longer exists.";
            };
            frames.nextFrame(() -> message.set(said));
            refresh();
        });
    }
}
