package dev.postwright.ui.library;

import dev.postwright.model.BlogPost;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.PostVersion;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.SiteHost;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StoreException;
import dev.postwright.ui.fx.Debouncer;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.seo.fix.FixProposal;
import dev.postwright.seo.fix.PostFields;
import dev.postwright.ui.parts.SeoCheckSwitch;
import dev.postwright.ui.parts.SeoFixViewModel;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A library post open for editing: its fields, whether they differ from the saved version, a
 * live SEO analysis, the post's versions and its images ({@link PostImagesViewModel}). The analysis runs on the scheduler's thread once
 * typing has paused for {@link #SEO_QUIET}; saving and loading versions run on
 * {@code background} through {@link FxTasks}. Every property changes on the FX thread; no stage is needed.
 */
public final class PostEditorViewModel {
    private static final System.Logger LOG = System.getLogger(PostEditorViewModel.class.getName());
    /** How long typing must pause before the SEO analysis runs again. */
    public static final Duration SEO_QUIET = Duration.ofMillis(300);

    public final StringProperty title = new SimpleStringProperty("");
    public final StringProperty keyphrase = new SimpleStringProperty("");
    public final StringProperty metaDescription = new SimpleStringProperty("");
    /** The post's address on the site; kept with the post, not with its versions. */
    public final StringProperty slug = new SimpleStringProperty("");
    public final StringProperty content = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("draft");

    private final ReadOnlyObjectWrapper<LibraryPost> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BlogPost> edited = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SeoAnalysis> seo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<PostVersion> versions = FXCollections.observableArrayList();
    private final BooleanBinding dirty;
    private final PostImagesViewModel images;

    private final PostLibrary library;
    private final OrganizationProfiles profiles;
    private final Supplier<? extends SeoAnalyzer> analyzers;
    private final SeoCheckSwitch checkSwitch;
    private final FxTasks tasks;
    private final Debouncer analysis;
    private final AtomicLong analysisTicket = new AtomicLong();
    private final SeoFixViewModel fixes;
    private volatile String siteHost = "";
    private volatile int earlierUses;
    private boolean exiting;

    /** An editor whose analysis runs every check of {@code analyzer}; none can be turned off. */
    public PostEditorViewModel(PostLibrary library, ImageStore imageStore, OrganizationProfiles profiles,
                               SeoAnalyzer analyzer, FxFrames frames, Executor background,
                               ScheduledExecutorService scheduler) {
        this(library, imageStore, profiles, () -> analyzer, null, Optional::empty, frames, background, scheduler);
    }

    /**
     * @param analyzers   the analysis with the checks counted now, asked for at each analysis
     * @param checkSwitch turns checks off ({@link #turnOffCheck}); the open post is analysed again
     *                    whenever the checks off change. Null: none can be turned off
     * @param model       what rewrites spans for the SEO panel's fixes now (the model server chosen), or empty
     */
    public PostEditorViewModel(PostLibrary library, ImageStore imageStore, OrganizationProfiles profiles,
                               Supplier<? extends SeoAnalyzer> analyzers, SeoCheckSwitch checkSwitch,
                               Supplier<Optional<SpanRewriter>> model, FxFrames frames,
                               Executor background, ScheduledExecutorService scheduler) {
        this.library = library;
        this.profiles = profiles;
        this.analyzers = analyzers;
        this.checkSwitch = checkSwitch;
        this.tasks = new FxTasks(background, frames);
        this.images = new PostImagesViewModel(imageStore, content, tasks);
        this.fixes = new SeoFixViewModel(analyzers, model, tasks, new FixesHere());
        var inputs = new javafx.beans.Observable[] {title, keyphrase, metaDescription, slug, content, status, saved};
        edited.bind(Bindings.createObjectBinding(this::editedPost, inputs));
        dirty = Bindings.createBooleanBinding(() -> saved.get() != null && isChanged(), inputs);
        analysis = new Debouncer(scheduler, SEO_QUIET, () -> frames.nextFrame(this::analyze));
        for (var field : List.of(title, keyphrase, metaDescription, slug, content)) {
            field.addListener((o, was, now) -> {
                if (saved.get() != null) analysis.trigger();
            });
        }
        // Not debounced: the writer asked for it, and nothing is being typed.
        if (checkSwitch != null) checkSwitch.off().addListener((o, was, now) -> analyze());
    }

    /** Whether {@link #turnOffCheck} can turn checks off. */
    public boolean canTurnOffChecks() {
        return checkSwitch != null;
    }

    /**
     * Leaves the check {@code checkId} out from now on (the writer disagrees with it); the open
     * post is scored again without it. FX thread.
     */
    public void turnOffCheck(String checkId) {
        if (checkSwitch != null) checkSwitch.turnOff(checkId);
    }

    /** Shows {@code post}: its fields, versions and analysis. FX thread. */
    public void open(LibraryPost post) {
        fixes.discard();
        saved.set(post);
        title.set(orEmpty(post.post().title()));
        keyphrase.set(orEmpty(post.focusKeyphrase()));
        metaDescription.set(orEmpty(post.post().metaDescription()));
        slug.set(orEmpty(post.slug()));
        content.set(orEmpty(post.post().content()));
        status.set(post.status() == null ? "draft" : post.status());
        message.set("");
        images.open(post.id());
        String org = post.organizationId();
        tasks.execute(BackgroundTask.run(() -> {
            siteHost = SiteHost.of(profiles.find(org).orElse(OrganizationProfile.empty(org)));
            analysis.trigger();
        }));
        loadVersions(post.id());
    }

    /** Opens the post with library id {@code id}, or says it is gone. */
    public void openById(String id) {
        tasks.execute(BackgroundTask.call(() -> library.find(id)).onSuccess(found -> {
            if (found.isPresent()) open(found.get());
            else message.set("That post is no longer in the library.");
        }));
    }

    /** Closes the editor (the post was deleted, or another is about to open). */
    public void close() {
        analysis.cancel();
        fixes.discard();
        saved.set(null);
        seo.set(null);
        versions.clear();
        images.close();
        message.set("");
    }

    /**
     * Saves the edits as the post's next version, when there are any; {@code then} runs on the
     * FX thread once the save is done (or at once when nothing changed).
     */
    public void save(Runnable then) {
        LibraryPost base = saved.get();
        if (base == null || !dirty.get()) {
            then.run();
            return;
        }
        var revision = revision(edited.get());
        tasks.execute(BackgroundTask.call(() -> library.update(base.id(), revision, "Edited"))
                .onSuccess(result -> {
                    if (result.isEmpty()) {
                        message.set("This post was deleted elsewhere; your edits are still here. Copy them before you "
                                + "close it.");
                        return;
                    }
                    if (saved.get() != null && saved.get().id().equals(base.id())) {
                        saved.set(result.get());
                        int version = result.get().version();
                        // Another face (the desk's "Use as featured image") saved versions while this editor
                        // held the post: nothing is lost, each is a version, but the writer must know.
                        message.set(version > base.version() + 1
                                ? "Saved as version " + version + ". While you edited, version " + (base.version() + 1)
                                        + (version > base.version() + 2 ? "–" + (version - 1) : "") + " was saved "
                                        + "elsewhere; it is in Versions, should you want its changes back."
                                : "Saved as version " + version + ".");
                        loadVersions(base.id());
                    }
                    then.run();
                })
                .onFailure(e -> {
                    LOG.log(Level.WARNING, "Post {0} could not be saved: {1}", base.id(), e.getMessage());
                    message.set("Not saved: " + e.getMessage() + " Your edits are still here.");
                }));
    }

    /**
     * Saves pending edits on the calling thread: the app is closing and no later frame will run.
     * The live analysis stops here, so none starts after the background executor has shut down.
     * Returns whether there was anything to save.
     */
    public boolean saveNow() {
        exiting = true;
        analysis.cancel();
        LibraryPost base = saved.get();
        if (base == null || !dirty.get()) return false;
        try {
            library.update(base.id(), revision(edited.get()), "Edited");
            return true;
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Edits to post {0} could not be saved at exit: {1}", base.id(), e.getMessage());
            return false;
        }
    }

    /** Makes version {@code number} the latest again (a new version) and shows it. */
    public void restore(int number) {
        LibraryPost base = saved.get();
        if (base == null) return;
        tasks.execute(BackgroundTask.call(() -> library.restore(base.id(), number)).onSuccess(result -> {
            if (result.isEmpty()) {
                message.set("Version " + number + " could not be restored.");
                return;
            }
            open(result.get());
            message.set("Restored version " + number + " as version " + result.get().version() + ".");
        }));
    }

    /** Puts the fields back as they were saved. */
    public void revert() {
        if (saved.get() != null) open(saved.get());
    }

    /** Takes the fields on the FX thread, analyses them in the background, publishes on the FX thread. */
    private void analyze() {
        long ticket = analysisTicket.incrementAndGet();
        BlogPost post = edited.get();
        LibraryPost base = saved.get();
        if (post == null || base == null || exiting) return;
        String phrase = keyphrase.get();
        String slugNow = slug.get();
        tasks.execute(BackgroundTask.call(() -> {
            int previousUses = library.countUsingKeyphrase(base.organizationId(), phrase, base.id());
            earlierUses = previousUses;
            var meta = new PostTexts.Meta(post.title(), post.metaDescription(), slugNow, phrase, siteHost,
                    previousUses);
            return analyzers.get().analyze(orEmpty(post.content()), meta);
        }).onSuccess(result -> {
            if (ticket == analysisTicket.get() && saved.get() != null && saved.get().id().equals(base.id())) {
                seo.set(result);
            }
        }));
    }

    private void loadVersions(String id) {
        tasks.execute(BackgroundTask.call(() -> library.versions(id)).onSuccess(found -> {
            if (saved.get() != null && saved.get().id().equals(id)) versions.setAll(found);
        }));
    }

    private PostLibrary.Revision revision(BlogPost post) {
        return new PostLibrary.Revision(post, blankToNull(keyphrase.get()), status.get(), PostTexts.wordCount(post.content()),
                blankToNull(slug.get()));
    }

    private BlogPost editedPost() {
        LibraryPost base = saved.get();
        if (base == null) return null;
        return base.post().withText(title.get(), metaDescription.get(), content.get());
    }

    private boolean isChanged() {
        LibraryPost base = saved.get();
        return !Objects.equals(orEmpty(base.post().title()), title.get())
                || !Objects.equals(orEmpty(base.focusKeyphrase()), keyphrase.get())
                || !Objects.equals(orEmpty(base.post().metaDescription()), metaDescription.get())
                || !slug.get().isBlank() && !Objects.equals(orEmpty(base.slug()), slug.get()) // blank keeps the slug
                || !Objects.equals(orEmpty(base.post().content()), content.get())
                || !Objects.equals(base.status(), status.get());
    }

    public ReadOnlyObjectProperty<LibraryPost> savedProperty() { return saved.getReadOnlyProperty(); }
    /** The post as edited, for the preview and exports; null when nothing is open. */
    public ReadOnlyObjectProperty<BlogPost> editedProperty() { return edited.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SeoAnalysis> seoProperty() { return seo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding dirty() { return dirty; }
    public ObservableList<PostVersion> versions() { return versions; }
    /** "Fix this check" for the open post: a fix accepted changes the fields, to be saved like any edit. */
    public SeoFixViewModel fixes() { return fixes; }
    /** The open post's images and the edits that show them. */
    public PostImagesViewModel images() { return images; }

    /** The fields as they stand, for the SEO panel's fixes. FX thread. */
    private PostFields fields() {
        return new PostFields(content.get(), title.get(), metaDescription.get(), slug.get(), keyphrase.get(), siteHost,
                earlierUses);
    }

    /** Fixes made from the fields as they stand, and applied to them: unsaved, like any edit. */
    private final class FixesHere implements SeoFixViewModel.Target {
        @Override
        public Callable<PostFields> snapshot() {
            if (saved.get() == null) return null;
            PostFields now = fields();
            return () -> now;
        }

        @Override
        public void apply(FixProposal proposal, Consumer<String> done) {
            PostFields now = fields();
            if (saved.get() == null || !now.stillHas(proposal.span())) {
                done.accept("The text changed where the fix applies since it was made; nothing was changed. Ask for "
                        + "the fix again.");
                return;
            }
            PostFields fixed = now.with(proposal.span(), proposal.replacement());
            title.set(fixed.title());
            metaDescription.set(fixed.metaDescription());
            slug.set(fixed.slug());
            content.set(fixed.markdown());
            done.accept("Changed " + proposal.span().part().label + ". Not saved yet: Save (Ctrl+S) keeps it as a "
                    + "new version.");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
