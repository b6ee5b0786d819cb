package dev.postwright.ui.desk;

import dev.postwright.model.BlogPost;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.SavedPost;
import dev.postwright.seo.SiteHost;
import dev.postwright.seo.fix.FixProposal;
import dev.postwright.seo.fix.PostFields;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.ui.parts.SeoFixViewModel;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The desk's SEO fixes: made from the job's post as the library holds it, and accepted as a new
 * library version, which the desk then shows with its new analysis. A job that saved no post has
 * nothing to fix. The library is read and written on {@code tasks}' background thread.
 */
public final class DeskFixes implements SeoFixViewModel.Target {
    private final JobViewModel job;
    private final PostLibrary library;
    private final OrganizationProfiles profiles;
    private final FxTasks tasks;

    public DeskFixes(JobViewModel job, PostLibrary library, OrganizationProfiles profiles, FxTasks tasks) {
        this.job = job;
        this.library = library;
        this.profiles = profiles;
        this.tasks = tasks;
    }

    @Override
    public Callable<PostFields> snapshot() {
        SavedPost saved = job.savedPostProperty().get();
        if (saved == null) return null;
        String id = saved.id();
        return () -> fields(library.find(id).orElseThrow(() -> new IllegalStateException(
                "the post is no longer in the library")));
    }

    @Override
    public void apply(FixProposal proposal, Consumer<String> done) {
        SavedPost saved = job.savedPostProperty().get();
        if (saved == null) return;
        String reason = "SEO fix: " + proposal.offer().action().toLowerCase(Locale.ROOT);
        tasks.execute(BackgroundTask.call(() -> save(saved.id(), proposal, reason))
                .onSuccess(result -> {
                    if (result.isEmpty()) {
                        done.accept("The post changed where the fix applies since it was made (or left the library); "
                                + "nothing was changed. Ask for the fix again.");
                        return;
                    }
                    job.showRevision(result.get().post(), proposal.analysis());
                    done.accept("Changed " + proposal.span().part().label + ": saved as version "
                            + result.get().version() + " in the library.");
                })
                .onFailure(e -> done.accept("The fix could not be saved (" + e.getMessage() + "). The post is unchanged.")));
    }

    /** Background: the fix as the post's next version; empty when the span is not as it was. */
    private Optional<LibraryPost> save(String id, FixProposal proposal, String reason) {
        Optional<LibraryPost> current = library.find(id);
        if (current.isEmpty()) return Optional.empty();
        PostFields now = fields(current.get());
        if (!now.stillHas(proposal.span())) return Optional.empty();
        PostFields fixed = now.with(proposal.span(), proposal.replacement());
        BlogPost post = current.get().post().withText(fixed.title(), fixed.metaDescription(), fixed.markdown());
        return library.update(id, new PostLibrary.Revision(post, current.get().focusKeyphrase(), current.get().status(),
                PostTexts.wordCount(post.content()), fixed.slug()), reason);
    }

    private PostFields fields(LibraryPost post) {
        String org = post.organizationId();
        String host = SiteHost.of(profiles.find(org).orElse(OrganizationProfile.empty(org)));
        int uses = library.countUsingKeyphrase(org, post.focusKeyphrase(), post.id());
        return new PostFields(post.post().content(), post.post().title(), post.post().metaDescription(), post.slug(),
                post.focusKeyphrase(), host, uses);
    }
}
