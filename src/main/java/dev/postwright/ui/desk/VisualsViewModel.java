package dev.postwright.ui.desk;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.ImageJobs;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.SavedPost;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.Coalescer;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Visuals panel's pictures: for each visual suggestion of the job on the desk, an image job on
 * this computer's queue ("Create image", "Create all", "Make another", "Try again") and "Use as
 * featured image", which saves a new version of the library post. Image jobs run locally whoever
 * runs the blog job: a team server's post has its copy in the local library. Engine and library
 * calls go through {@link FxTasks}; the image jobs' events come back through a {@link Coalescer}
 * (one per job shown), so the rows change at most once per frame. When the desk shows another job,
 * the subscriptions are closed (the image jobs go on). Called on the FX thread.
 */
public final class VisualsViewModel {
    /** "Create all" starts at most this many image jobs at once. */
    public static final int MAX_AT_ONCE = 20;
    static final String NOT_SAVED_YET = "Pictures are made for the post in the library: wait until the job has saved it.";
    static final String NOT_SAVED = "This job did not save its post to the library, so there is no post to make pictures for.";

    private final JobViewModel job;
    private final ImageJobs imageJobs;
    private final PostLibrary library;
    private final ImageStore images;
    private final String organizationId;
    private final Consumer<String> tell;
    private final FxFrames frames;
    private final FxTasks tasks;
    private final ObservableList<SuggestionImage> rows = FXCollections.observableArrayList();
    private final ObservableList<SuggestionImage> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(NOT_SAVED_YET);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper featuredImageId = new ReadOnlyStringWrapper();
    private final PicturesMadeHere madeHere = new PicturesMadeHere();
    /** Counts the jobs shown, so events and results for one shown before are dropped. FX thread only. */
    private long shown;
    private Coalescer<LoggedEvent> events;

    /**
     * @param imageJobs this computer's queue
     * @param tell      shows the writer a sentence for a moment (a toast), on the FX thread
     */
    public VisualsViewModel(JobViewModel job, ImageJobs imageJobs, PostLibrary library, ImageStore images,
                            String organizationId, Consumer<String> tell, FxFrames frames, Executor background) {
        this.job = job;
        this.tell = tell;
        this.imageJobs = imageJobs;
        this.library = library;
        this.images = images;
        this.organizationId = organizationId;
        this.frames = frames;
        this.tasks = new FxTasks(background, frames);
        newJob();
        job.onStart(this::newJob);
        job.visuals().addListener((ListChangeListener<VisualSuggestion>) change -> syncRows());
        job.images().addListener((ListChangeListener<StoredImage>) change -> featuredChanged());
        job.savedPostProperty().addListener((o, was, now) -> savedPostChanged());
        job.phaseProperty().addListener((o, was, now) -> availability());
    }

    /** The rows, one per suggestion of the job shown, in the suggestions' order. */
    public ObservableList<SuggestionImage> suggestions() {
        return rowsView;
    }

    /** Why pictures cannot be made now (no saved post yet), or null when they can. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** What the last "Create all" did, or why it could not; empty for nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The image the post shows as its featured image, as far as the desk knows; null for none. */
    public ReadOnlyStringProperty featuredImageIdProperty() {
        return featuredImageId.getReadOnlyProperty();
    }

    /** Starts an image job for {@code row}'s suggestion ("Create image", "Make another"). */
    public void create(SuggestionImage row) {
        notice.set("");
        start(List.of(row));
    }

    /**
     * Starts one image job per suggestion that has no picture and none on its way, at most
     * {@link #MAX_AT_ONCE}; {@link #noticeProperty} says how many, and how many wait.
     */
    public void createAll() {
        List<SuggestionImage> todo = rows.stream().filter(r -> r.stateProperty().get() == SuggestionImage.State.NONE
                || r.stateProperty().get() == SuggestionImage.State.FAILED).toList();
        if (todo.isEmpty()) {
            notice.set("Every suggestion has its picture, or one on its way.");
            return;
        }
        List<SuggestionImage> now = todo.subList(0, Math.min(MAX_AT_ONCE, todo.size()));
        int waiting = todo.size() - now.size();
        notice.set(waiting == 0 ? pictures(now.size()) + " on the way."
                : pictures(now.size()) + " on the way, at most " + MAX_AT_ONCE + " at once: " + waiting
                + " more wait for Create all again.");
        start(now);
    }

    private static String pictures(int n) {
        return n == 1 ? "1 picture" : n + " pictures";
    }

    private void start(List<SuggestionImage> chosen) {
        String postId = postId();
        if (postId == null) return; // the buttons are disabled; a quick click before the change still lands here
        long ticket = shown;
        List<ImageJobRequest> requests = chosen.stream().map(r -> r.request(postId, organizationId)).toList();
        chosen.forEach(SuggestionImage::starting);
        tasks.execute(BackgroundTask.call(() -> {
                    List<Object> ids = new ArrayList<>(); // a job id, or the exception that refused it
                    for (ImageJobRequest request : requests) {
                        try {
                            ids.add(imageJobs.enqueueImage(request, null));
                        } catch (RuntimeException e) {
                            ids.add(e);
                        }
                    }
                    return ids;
                })
                .onSuccess(ids -> {
                    for (int i = 0; i < chosen.size(); i++) {
                        if (ids.get(i) instanceof String id) madeHere.started(postId, chosen.get(i).suggestion(), id);
                    }
                    if (ticket != shown) return; // the desk moved on; the jobs run, and are found when it comes back
                    for (int i = 0; i < chosen.size(); i++) {
                        SuggestionImage row = chosen.get(i);
                        if (ids.get(i) instanceof String id) {
                            row.started(id);
                            follow(row, ticket);
                        } else {
                            row.refused(reason("The picture could not be started", (Exception) ids.get(i)));
                        }
                    }
                }));
    }

    /** The failed job of {@code row} again ("Try again"), from where its events stopped. */
    public void retry(SuggestionImage row) {
        String id = row.jobId();
        if (id == null) return;
        long ticket = shown;
        row.busy(true);
        tasks.execute(BackgroundTask.call(() -> imageJobs.retry(id))
                .onSuccess(result -> {
                    if (ticket != shown) return;
                    row.busy(false);
                    if (result != CommandResult.APPLIED) {
                        row.refused("The picture could not be made again: " + (result == CommandResult.NOT_FOUND
                                ? "its job is gone. Use Create image." : "its job is not one that failed."));
                        return;
                    }
                    row.retried();
                    follow(row, ticket);
                })
                .onFailure(e -> {
                    if (ticket != shown) return;
                    row.busy(false);
                    row.refused(reason("The picture could not be made again", e));
                }));
    }

    /**
     * Makes {@code row}'s picture the post's featured image: the library post gets a new version
     * with it in place of the one before (or of the placeholder, or under the title), and the
     * desk shows that version.
     */
    public void useAsFeatured(SuggestionImage row) {
        StoredImage image = row.imageProperty().get();
        String postId = postId();
        if (image == null || postId == null) return;
        long ticket = shown;
        row.busy(true);
        var before = madeHere.featuredBefore(postId);
        tasks.execute(BackgroundTask.call(() -> featured(postId, image, before))
                .onSuccess(saved -> {
                    if (ticket != shown) return;
                    row.busy(false);
                    if (saved == null) {
                        tell.accept("The post is no longer in the library, so it cannot show the picture.");
                        return;
                    }
                    madeHere.madeFeatured(postId, image.id());
                    featuredChanged();
                    job.showRevision(saved.post());
                    tell.accept("The post's featured image is the new picture: saved as version " + saved.version()
                            + " in the library.");
                })
                .onFailure(e -> {
                    if (ticket != shown) return;
                    row.busy(false);
                    tell.accept(reason("The featured image could not be changed", e));
                }));
    }

    /**
     * Background: the post's new version with {@code image} featured; null when the post is gone.
     * The featured image before is one made as featured, or one made featured here.
     */
    private LibraryPost featured(String postId, StoredImage image, Set<String> madeFeaturedHere) {
        LibraryPost current = library.find(postId).orElse(null);
        if (current == null) return null;
        var featuredIds = images.ofPost(postId).stream().filter(i -> i.placement().equals("featured"))
                .map(StoredImage::id).collect(Collectors.toSet());
        featuredIds.addAll(madeFeaturedHere);
        String content = ImageRefs.withFeatured(current.post().content(), image.altText(), image.id(), featuredIds);
        if (content.equals(current.post().content())) return current;
        images.placeAsFeatured(image.id()); // first: the next choice then finds it, even after a restart
        return library.update(postId, new PostLibrary.Revision(current.post().withContent(content),
                current.focusKeyphrase(), current.status(), PostTexts.wordCount(content)), "Featured image").orElse(null);
    }

    private void follow(SuggestionImage row, long ticket) {
        String id = row.jobId();
        long after = row.lastSeq();
        var batches = events;
        tasks.execute(BackgroundTask.call(() -> imageJobs.subscribe(id, after, new JobEventListener() {
                    @Override
                    public void onEvent(LoggedEvent event) {
                        batches.offer(event);
                    }
                }))
                .onSuccess(subscription -> {
                    if (ticket == shown && id.equals(row.jobId())) row.following(subscription);
                    else subscription.close(); // the desk moved on, or "Make another" overtook it
                })
                .onFailure(e -> {
                    if (ticket == shown && id.equals(row.jobId())) row.refused(reason("The picture's progress could not be shown", e));
                }));
    }

    /** The batch of one frame, handed to the rows whose jobs they are. */
    private void apply(List<LoggedEvent> batch) {
        Map<String, SuggestionImage> byJob = new HashMap<>();
        for (SuggestionImage row : rows) if (row.jobId() != null) byJob.put(row.jobId(), row);
        for (LoggedEvent event : batch) {
            SuggestionImage row = byJob.get(event.jobId());
            if (row != null) row.apply(event);
        }
    }

    private void newJob() {
        long ticket = ++shown;
        rows.forEach(SuggestionImage::closeSubscription);
        rows.clear();
        notice.set("");
        // A new coalescer per job shown: batches of the one before are dropped with it.
        events = new Coalescer<>(frames, batch -> {
            if (ticket == shown) apply(batch);
        });
        syncRows();
        featuredChanged();
        availability();
    }

    /** The rows follow the suggestions; a suggestion sent again (the job's result repeats them) keeps its row. */
    private void syncRows() {
        List<VisualSuggestion> visuals = job.visuals();
        if (rows.stream().map(SuggestionImage::suggestion).toList().equals(visuals)) return;
        Map<VisualSuggestion, SuggestionImage> kept = new HashMap<>();
        for (SuggestionImage row : rows) kept.putIfAbsent(row.suggestion(), row);
        VisualSuggestion featured = SuggestionImage.featuredOf(visuals);
        List<SuggestionImage> next = new ArrayList<>();
        for (VisualSuggestion v : visuals) {
            SuggestionImage row = kept.remove(v);
            next.add(row != null ? row : new SuggestionImage(v, v == featured));
        }
        kept.values().forEach(SuggestionImage::closeSubscription);
        rows.setAll(next);
        if (postId() != null) findMade();
    }

    private void savedPostChanged() {
        availability();
        featuredChanged();
        if (postId() != null) findMade();
    }

    private void availability() {
        SavedPost saved = job.savedPostProperty().get();
        if (saved != null && saved.id() != null) unavailable.set(null);
        else unavailable.set(switch (job.phaseProperty().get()) {
            case IDLE, RUNNING -> NOT_SAVED_YET;
            case SUCCEEDED, FAILED, CANCELLED -> NOT_SAVED;
        });
    }

    /**
     * Shows the pictures made before for the post's suggestions (a job opened again from the list):
     * for each row with none, its latest image job started in this window, followed again from
     * its start; else the newest stored picture of an image job whose prompt is the row's (the
     * blog job's own pictures are shown apart).
     */
    private void findMade() {
        String postId = postId();
        long ticket = shown;
        for (SuggestionImage row : rows) {
            if (row.stateProperty().get() != SuggestionImage.State.NONE) continue;
            madeHere.job(postId, row.suggestion()).ifPresent(id -> {
                row.started(id);
                follow(row, ticket);
            });
        }
        tasks.execute(BackgroundTask.call(() -> images.ofPost(postId))
                .onSuccess(made -> {
                    if (ticket != shown) return;
                    var theJobs = job.images().stream().map(StoredImage::id).collect(Collectors.toSet());
                    for (SuggestionImage row : rows) {
                        if (row.stateProperty().get() != SuggestionImage.State.NONE || row.busyProperty().get()) continue;
                        String prompt = row.request(postId, organizationId).prompt();
                        made.stream().filter(i -> i.jobId() != null && !theJobs.contains(i.id()))
                                .filter(i -> prompt.equals(i.prompt()))
                                .reduce((first, later) -> later.createdAt().isBefore(first.createdAt()) ? first : later)
                                .ifPresent(row::found);
                    }
                })
                .onFailure(e -> notice.set(reason("The pictures made before could not be read", e))));
    }

    private void featuredChanged() {
        String postId = postId();
        featuredImageId.set((postId == null ? Optional.<String>empty() : madeHere.featured(postId))
                .orElseGet(() -> job.images().stream().filter(i -> i.placement().equals("featured"))
                        .map(StoredImage::id).findFirst().orElse(null)));
    }

    private String postId() {
        SavedPost saved = job.savedPostProperty().get();
        return saved == null ? null : saved.id();
    }

    private static String reason(String what, Exception e) {
        if (e instanceof InvalidRequestException refused) {
            return what + ": " + refused.problems().stream().map(p -> p.message()).collect(Collectors.joining(" "));
        }
        return what + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ".";
    }

    /** Closes the subscriptions (the window closes); the image jobs go on in the queue. */
    public void close() {
        rows.forEach(SuggestionImage::closeSubscription);
    }
}
