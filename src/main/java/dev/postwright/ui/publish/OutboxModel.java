package dev.postwright.ui.publish;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobStatus;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.model.PublishRequest;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.Coalescer;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The outbox: every publish job in this computer's queue, newest first, built from the queue
 * (so it is the same after a restart), and the writer's commands on one (retry, cancel,
 * dismiss, replace the site's version). It follows each pending job's events; a batch of them
 * (one per frame, through a {@link Coalescer}) reads the list again, never more than one read at
 * a time. Reads run off the FX thread; properties change on it.
 */
public final class OutboxModel {
    private static final System.Logger LOG = System.getLogger(OutboxModel.class.getName());
    static final int SHOWN = 200;

    private final PublishServices services;
    private final FxTasks tasks;
    private final ZoneId zone;
    private final ObservableList<OutboxEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Coalescer<LoggedEvent> events;
    /** A job's request never changes, so it is read once. Any thread. */
    private final Map<String, Optional<PublishRequest>> requests = new ConcurrentHashMap<>();
    /** The pending jobs followed, by id. FX thread only. */
    private final Map<String, Subscription> followed = new HashMap<>();
    private boolean reading;
    private boolean readAgain;
    private boolean closed;

    /** @param zone the writer's time zone, for the times rows show */
    public OutboxModel(PublishServices services, FxFrames frames, Executor background, ZoneId zone) {
        this.services = services;
        this.tasks = new FxTasks(background, frames);
        this.zone = zone;
        this.events = new Coalescer<>(frames, batch -> refresh());
    }

    /** The rows, newest first. */
    public ObservableList<OutboxEntry> entries() {
        return entries;
    }

    /** How many posts wait to go out or failed: the header's count. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** What the last command did, or why the outbox could not be read; "" for nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the queue again (on open, after a command, when a followed job moves). FX thread. */
    public void refresh() {
        if (closed) return;
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        tasks.execute(BackgroundTask.call(this::read)
                .onSuccess(read -> {
                    done();
                    entries.setAll(read);
                    waiting.set((int) read.stream().filter(e -> e.kind() != OutboxEntry.Kind.PUBLISHED).count());
                    follow(read);
                })
                .onFailure(e -> {
                    done();
                    LOG.log(System.Logger.Level.WARNING, "The outbox could not be read: {0}", e.toString());
                    message.set("The outbox could not be read: " + reason(e));
                }));
    }

    private void done() {
        reading = false;
        if (readAgain) {
            readAgain = false;
            refresh();
        }
    }

    /** Background: the rows from the queue, the library and the publications. */
    private List<OutboxEntry> read() {
        List<OutboxEntry> rows = new ArrayList<>();
        Map<String, Optional<LibraryPost>> posts = new HashMap<>();
        for (JobStatus job : services.jobs().list(SHOWN, JobKind.PUBLISH)) {
            Optional<PublishRequest> request = requests.computeIfAbsent(job.jobId(), id -> services.jobs().input(id)
                    .filter(PublishRequest.class::isInstance).map(PublishRequest.class::cast));
            PublishRequest asked = request.orElse(null);
            String title = asked == null ? "A post" : posts.computeIfAbsent(asked.postId(), services.library()::find)
                    .map(p -> p.post().title() == null || p.post().title().isBlank() ? "Untitled post" : p.post().title())
                    .orElse("A post no longer in the library");
            String site = asked == null ? siteOf(job) : asked.site();
            var kind = OutboxEntry.kindOf(job.state());
            String link = kind == OutboxEntry.Kind.PUBLISHED && asked != null ? link(job.jobId(), asked) : null;
            rows.add(new OutboxEntry(job.jobId(), kind, asked, title, site, OutboxEntry.detailOf(job, zone),
                    job.errorCode(), link, job.finishedAt() != null ? job.finishedAt() : job.createdAt()));
        }
        return rows;
    }

    /** The post's link on the site: the publication this job wrote, else the post's on that site now. */
    private String link(String jobId, PublishRequest request) {
        List<Publication> published = services.publications().ofPost(request.postId());
        Optional<URI> address = services.addressOf(request.site());
        return published.stream().filter(p -> jobId.equals(p.jobId())).findFirst()
                .or(() -> published.stream().filter(p -> address.isPresent()
                        && p.siteAddress().equals(address.get().toString())).findFirst())
                .map(Publication::link).orElse(null);
    }

    private static String siteOf(JobStatus job) {
        String title = job.title() == null ? "" : job.title();
        return title.startsWith("Publish to ") ? title.substring("Publish to ".length()) : "a site";
    }

    /** Follows the pending jobs not followed yet; stops following the others. FX thread. */
    private void follow(List<OutboxEntry> rows) {
        Set<String> pending = rows.stream().filter(r -> r.kind() == OutboxEntry.Kind.PENDING)
                .map(OutboxEntry::jobId).collect(Collectors.toSet());
        for (var it = followed.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!pending.contains(entry.getKey())) {
                if (entry.getValue() != null) entry.getValue().close();
                it.remove();
            }
        }
        for (String id : new HashSet<>(pending)) {
            if (followed.containsKey(id)) continue;
            followed.put(id, null); // being subscribed
            tasks.execute(BackgroundTask.call(() -> services.jobs().subscribe(id, 0, new JobEventListener() {
                        @Override
                        public void onEvent(LoggedEvent event) {
                            events.offer(event);
                        }
                    }))
                    .onSuccess(subscription -> {
                        if (closed || !followed.containsKey(id)) subscription.close();
                        else followed.put(id, subscription);
                    })
                    .onFailure(e -> followed.remove(id))); // deleted meanwhile: the next read drops its row
        }
    }

    /** Runs a failed or cancelled job again, under the same id. */
    public void retry(OutboxEntry entry) {
        command(() -> services.jobs().retry(entry.jobId()), "Trying again.", "Only a post that failed can be sent again.");
    }

    /** Stops a pending job (it stays in the outbox as cancelled, to retry or dismiss). */
    public void cancel(OutboxEntry entry) {
        command(() -> services.jobs().cancel(entry.jobId()), "Cancelled.", "It was sent already.");
    }

    /** Removes a finished row (the job and its log); the post and what is on the site stay. */
    public void dismiss(OutboxEntry entry) {
        command(() -> services.jobs().delete(entry.jobId()), "Removed from the outbox.",
                "A post on its way cannot be removed; cancel it first.");
    }

    /**
     * For a job refused because the post was changed on the site: publishes again, agreeing to
     * overwrite the site's version, as a new job that takes the failed one's place.
     */
    public void replaceSiteVersion(OutboxEntry entry) {
        if (!entry.changedOnSite()) return;
        PublishRequest again = entry.request().replacingSiteChanges();
        tasks.execute(BackgroundTask.call(() -> {
                    String id = services.jobs().enqueue(again, null);
                    services.jobs().delete(entry.jobId());
                    return id;
                })
                .onSuccess(id -> {
                    message.set("Replacing the version on " + again.site() + ".");
                    refresh();
                })
                .onFailure(e -> message.set(e instanceof InvalidRequestException refused
                        ? refused.problems().stream().map(p -> p.message()).collect(Collectors.joining(" "))
                        : "It could not be published again: " + reason(e))));
    }

    private void command(BackgroundTask.Work<CommandResult> work, String done, String notAllowed) {
        tasks.execute(BackgroundTask.call(work)
                .onSuccess(result -> {
                    message.set(switch (result) {
                        case APPLIED -> done;
                        case NOT_ALLOWED -> notAllowed;
                        case NOT_FOUND -> "That is no longer in the outbox.";
                    });
                    refresh();
                })
                .onFailure(e -> message.set(reason(e))));
    }

    /** Stops following the jobs (the window closes); they go on in the queue. FX thread. */
    public void close() {
        closed = true;
        followed.values().forEach(s -> {
            if (s != null) s.close();
        });
        followed.clear();
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
