package dev.postwright.ui.desk;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobService;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobStatus;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every job on this computer, newest first, and the commands on one. Reads run off the FX thread. */
public final class JobsViewModel {
    private static final int SHOWN = 200;

    private final JobService queue;
    private final FxTasks tasks;
    private final ObservableList<JobStatus> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public JobsViewModel(JobService queue, FxFrames frames, Executor background) {
        this.queue = queue;
        this.tasks = new FxTasks(background, frames);
    }

    public ObservableList<JobStatus> jobs() {
        return jobs;
    }

    /** What the last command said, for the view's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        // Image jobs are followed in the Visuals panel of the post they are for; this list is of posts.
        tasks.execute(BackgroundTask.call(() -> queue.list(SHOWN, JobKind.BLOG))
                .onSuccess(jobs::setAll)
                // a team server that cannot be reached: say so, keep the list
                .onFailure(e -> message.set(e.getMessage())));
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

    private void command(BackgroundTask.Work<CommandResult> work, String done, String notAllowed) {
        tasks.execute(BackgroundTask.call(work)
                .onSuccess(result -> {
                    message.set(switch (result) {
                        case APPLIED -> done;
                        case NOT_ALLOWED -> notAllowed;
                        case NOT_FOUND -> "That job no longer exists.";
                    });
                    refresh();
                })
                .onFailure(e -> message.set(e.getMessage())));
    }
}
