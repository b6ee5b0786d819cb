package dev.postwright.ui.publish;

import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.model.PublishRequest;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Publish dialog without its view: which site, which status (a schedule with its date and
 * time), categories and tags, what publishing will do there (update the post published before,
 * or create one), and the {@link PublishRequest}'s problems by field. {@link #publish} puts the
 * request in the outbox (this computer's queue). The post and the sites are read in the
 * background when the model is made; properties change on the FX thread only.
 */
public final class PublishDialogModel {
    /** The statuses the dialog offers, with their words and the request's name for each. */
    public enum Status {
        DRAFT("draft", "Draft"), PENDING("pending", "Pending review"), PUBLISH("publish", "Publish now"),
        FUTURE("future", "Schedule");

        public final String wire;
        public final String label;

        Status(String wire, String label) {
            this.wire = wire;
            this.label = label;
        }

        /** How the toast says it: "as a draft". */
        String asWords(LocalDateTime at) {
            return switch (this) {
                case DRAFT -> "as a draft";
                case PENDING -> "for review";
                case PUBLISH -> "to go live now";
                case FUTURE -> "to go live on " + (at == null ? "the date given" : WHEN.format(at));
            };
        }
    }

    /** The fields a problem can stand beside; "form" for what concerns no field. */
    public static final List<String> FIELDS = List.of("postId", "site", "status", "publishAt", "categories", "tags", "form");
    static final String NO_SITES = "There is no WordPress site in Settings yet. Add one under Settings → Sites, "
            + "then publish.";
    static final String TIME_PROBLEM = "Give the time as hours and minutes, such as 14:30.";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

    public final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    public final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.DRAFT);
    public final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    /** The schedule's time of day, as typed ("14:30"), in the site's own time zone. */
    public final StringProperty time = new SimpleStringProperty("09:00");
    /** Comma-separated category names. */
    public final StringProperty categories = new SimpleStringProperty("");
    /** Comma-separated tag names; the post's own tags at first. */
    public final StringProperty tags = new SimpleStringProperty("");

    private final String postId;
    private final PublishServices services;
    private final FxTasks tasks;
    private final Clock clock;
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noSites = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper happening = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper happeningLink = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final Map<String, ReadOnlyStringWrapper> problems = new LinkedHashMap<>();
    /** After the first Publish, problems follow every change; before it, the form is not scolded. */
    private boolean tried;
    /** The post was not in the library when the dialog opened. */
    private boolean missing;
    /** Counts the site lookups, so an older one's answer is dropped. */
    private long lookups;

    /** Reads the post and the sites in the background; {@link #busyProperty} is true until then. */
    public PublishDialogModel(String postId, PublishServices services, FxTasks tasks, Clock clock) {
        this.postId = postId;
        this.services = services;
        this.tasks = tasks;
        this.clock = clock;
        for (String field : FIELDS) problems.put(field, new ReadOnlyStringWrapper(""));
        date.set(LocalDate.now(clock).plusDays(1));
        site.addListener((o, was, now) -> lookUp(now));
        for (Observable changes : new Observable[] {site, status, date, time, categories, tags}) {
            changes.addListener(o -> {
                if (tried) showProblems(check());
            });
        }
        record Loaded(Optional<LibraryPost> post, List<Site> sites) {}
        tasks.execute(BackgroundTask.call(() -> new Loaded(services.library().find(postId), services.siteList()))
                .onSuccess(loaded -> {
                    busy.set(false);
                    loaded.post().ifPresentOrElse(p -> {
                        String t = p.post().title();
                        title.set(t == null || t.isBlank() ? "Untitled post" : t);
                        if (p.post().tags() != null) tags.set(String.join(", ", p.post().tags()));
                    }, () -> {
                        missing = true;
                        problems.get("postId").set("This post is no longer in the library.");
                    });
                    sites.setAll(loaded.sites());
                    noSites.set(loaded.sites().isEmpty() ? NO_SITES : "");
                    if (!loaded.sites().isEmpty()) site.set(loaded.sites().getFirst());
                })
                .onFailure(e -> {
                    busy.set(false);
                    problems.get("form").set("The post or the sites could not be read: " + reason(e));
                }));
    }

    public ObservableList<Site> sites() {
        return sites;
    }

    /** The post's title, for the dialog's heading. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why there is nothing to choose from (no site in Settings), or "". */
    public ReadOnlyStringProperty noSitesProperty() {
        return noSites.getReadOnlyProperty();
    }

    /** What publishing will do: "Creates a new post on Blog." or "Updates the post published on Blog on …". */
    public ReadOnlyStringProperty happeningProperty() {
        return happening.getReadOnlyProperty();
    }

    /** The link of the post an update replaces, or null. */
    public ReadOnlyStringProperty happeningLinkProperty() {
        return happeningLink.getReadOnlyProperty();
    }

    /** True while the post and sites are read, or the request is being put in the outbox. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The problem to show beside {@code field} (one of {@link #FIELDS}), or "". */
    public ReadOnlyStringProperty problem(String field) {
        var wrapper = problems.get(field);
        if (wrapper == null) throw new IllegalArgumentException("no field " + field);
        return wrapper.getReadOnlyProperty();
    }

    /** The request the form says now; its publish time is null when the time cannot be read. */
    public PublishRequest request() {
        Status chosen = status.get() == null ? Status.DRAFT : status.get();
        LocalDateTime at = chosen == Status.FUTURE ? publishAt().orElse(null) : null;
        return new PublishRequest(postId, site.get() == null ? "" : site.get().name(), chosen.wire, at,
                names(categories.get()), names(tags.get()), false);
    }

    /**
     * Puts the request in the outbox when it has no problems; {@code queued} then runs on the FX
     * thread with the job's id and a sentence for the toast. Returns false when the problems are
     * shown instead (nothing started).
     */
    public boolean publish(Consumer<Queued> queued) {
        tried = true;
        List<FieldProblem> found = check();
        showProblems(found);
        if (!found.isEmpty() || busy.get()) return false;
        PublishRequest request = request();
        String words = "“" + title.get() + "” is in the outbox: it goes to " + request.site() + " "
                + status.get().asWords(request.publishAt()) + ".";
        busy.set(true);
        tasks.execute(BackgroundTask.call(() -> services.jobs().enqueue(request, null))
                .onSuccess(id -> {
                    busy.set(false);
                    queued.accept(new Queued(id, request, words));
                })
                .onFailure(e -> {
                    busy.set(false);
                    if (e instanceof InvalidRequestException refused) showProblems(refused.problems());
                    else problems.get("form").set("The post could not be put in the outbox: " + reason(e));
                }));
        return true;
    }

    /** A request the outbox took: its job, and what the toast says. */
    public record Queued(String jobId, PublishRequest request, String words) {}

    private List<FieldProblem> check() {
        List<FieldProblem> found = new ArrayList<>(request().problems());
        if (status.get() == Status.FUTURE && date.get() != null && parseTime().isEmpty()) {
            found.removeIf(p -> p.field().equals("publishAt"));
            found.add(new FieldProblem("publishAt", TIME_PROBLEM));
        }
        if (missing) found.add(new FieldProblem("postId", "This post is no longer in the library."));
        if (!noSites.get().isEmpty()) {
            found.removeIf(p -> p.field().equals("site"));
            found.add(new FieldProblem("site", NO_SITES));
        }
        return found;
    }

    private void showProblems(List<FieldProblem> found) {
        for (var entry : problems.entrySet()) {
            String said = String.join(" ", found.stream().filter(p -> p.field().equals(entry.getKey()))
                    .map(FieldProblem::message).toList());
            if (said.isEmpty() && entry.getKey().equals("postId") && missing) continue; // what the load found stays
            entry.getValue().set(said);
        }
    }

    private Optional<LocalDateTime> publishAt() {
        if (date.get() == null) return Optional.empty();
        return parseTime().map(t -> LocalDateTime.of(date.get(), t));
    }

    private Optional<LocalTime> parseTime() {
        String typed = time.get() == null ? "" : time.get().strip();
        try {
            return Optional.of(LocalTime.parse(typed.length() == 4 ? "0" + typed : typed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void lookUp(Site chosen) {
        long ticket = ++lookups;
        happening.set("");
        happeningLink.set(null);
        if (chosen == null) return;
        record Earlier(Optional<Publication> publication, Optional<PublishRequest> request) {}
        tasks.execute(BackgroundTask.call(() -> {
                    Optional<Publication> found = services.publications().find(postId, chosen.address());
                    Optional<PublishRequest> asked = found.map(Publication::jobId).flatMap(services.jobs()::input)
                            .filter(PublishRequest.class::isInstance).map(PublishRequest.class::cast);
                    return new Earlier(found, asked);
                })
                .onSuccess(earlier -> {
                    if (ticket != lookups) return;
                    Optional<Publication> found = earlier.publication();
                    happening.set(found.map(p -> updates(chosen, p)).orElse("Creates a new post on " + chosen.name() + "."));
                    happeningLink.set(found.map(Publication::link).orElse(null));
                    // An update keeps what the site has unless the writer says otherwise: a live post stays live.
                    found.map(p -> statusOf(p.remoteStatus())).ifPresent(status::set);
                    earlier.request().filter(r -> categories.get().isBlank())
                            .ifPresent(r -> categories.set(String.join(", ", r.categories())));
                })
                .onFailure(e -> {
                    if (ticket == lookups) happening.set("Whether the post is on " + chosen.name()
                            + " already could not be read: " + reason(e));
                }));
    }

    private String updates(Site chosen, Publication p) {
        return "Updates the post published on " + chosen.name() + " on "
                + DATE.format(p.publishedAt().atZone(clock.getZone())) + ":";
    }

    /** The dialog's status for a post's status on the site ("publish", "future", …). */
    static Status statusOf(String remote) {
        if (remote == null) return Status.DRAFT;
        return switch (remote) {
            case "publish" -> Status.PUBLISH;
            case "future" -> Status.FUTURE;
            case "pending" -> Status.PENDING;
            default -> Status.DRAFT;
        };
    }

    static List<String> names(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) return List.of();
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
