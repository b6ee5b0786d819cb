package dev.postwright.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.JobKind;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.model.PublishRequest;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.ui.publish.PublishDialogModel.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Publish dialog without a stage: a real SQLite file, site book and queue (not started), frames run by the test. */
class PublishDialogModelTest {
    @TempDir Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private final ManualFrames frames = new ManualFrames();
    private PublishFixture fixture;
    private LibraryPost post;

    @BeforeEach
    void open() throws Exception {
        fixture = new PublishFixture(dir, clock);
        post = fixture.post("Rye at home", List.of("bread", "rye"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PublishDialogModel dialog() throws InterruptedException {
        var model = new PublishDialogModel(post.id(), fixture.services(), new FxTasks(Runnable::run, frames), clock);
        frames.runUntil(() -> !model.busyProperty().get() && !model.happeningProperty().get().isEmpty()
                || !model.noSitesProperty().get().isEmpty());
        return model;
    }

    @Test
    void opensOnTheFirstSiteWithThePostsTagsAndSaysItCreatesAPost() throws Exception {
        fixture.sites.save(PublishFixture.BLOG, "app pass word");
        fixture.sites.save(new dev.postwright.publish.wordpress.Site("Shop", java.net.URI.create("https://shop.example/"),
                "me"), "x");
        var model = dialog();
        assertThat(model.titleProperty().get()).isEqualTo("Rye at home");
        assertThat(model.sites()).extracting(s -> s.name()).containsExactly("Blog", "Shop");
        assertThat(model.site.get().name()).isEqualTo("Blog");
        assertThat(model.tags.get()).isEqualTo("bread, rye");
        assertThat(model.status.get()).isEqualTo(Status.DRAFT);
        assertThat(model.date.get()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(model.happeningProperty().get()).isEqualTo("Creates a new post on Blog.");
        assertThat(model.happeningLinkProperty().get()).isNull();
        assertThat(PublishDialogModel.FIELDS).allSatisfy(f -> assertThat(model.problem(f).get()).isEmpty());
    }

    @Test
    void aPostPublishedBeforeIsUpdatedAndTheDialogSaysWhenAndWhere() throws Exception {
        fixture.sites.save(PublishFixture.BLOG, "app pass word");
        String earlier = fixture.queue.enqueue(new PublishRequest(post.id(), "Blog", "publish", null,
                List.of("Baking", "Rye"), List.of(), false), null);
        fixture.db.transaction(fixture.publications.recording(new Publication(post.id(),
                PublishFixture.BLOG.address().toString(), 42, "http://127.0.0.1:9/rye-at-home/", "publish",
                "2026-11-30T08:00:00", 1, earlier, Instant.parse("2026-11-30T08:00:00Z"))));
        var model = dialog();
        assertThat(model.happeningProperty().get()).isEqualTo("Updates the post published on Blog on 30 Nov 2026:");
        assertThat(model.happeningLinkProperty().get()).isEqualTo("http://127.0.0.1:9/rye-at-home/");
        // A live post stays live, in the categories it was sent with, unless the writer says otherwise.
        assertThat(model.status.get()).isEqualTo(Status.PUBLISH);
        assertThat(model.categories.get()).isEqualTo("Baking, Rye");

        model.site.set(null); // another choice: the sentence follows the site chosen
        frames.runDue();
        assertThat(model.happeningProperty().get()).isEmpty();
    }

    @Test
    void problemsStandBesideTheirFieldsAndNothingIsQueued() throws Exception {
        fixture.sites.save(PublishFixture.BLOG, "app pass word");
        var model = dialog();
        model.status.set(Status.FUTURE);
        model.time.set("half past nine");
        model.categories.set(String.join(", ", IntStream.range(0, 51).mapToObj(i -> "c" + i).toList()));
        List<PublishDialogModel.Queued> queued = new ArrayList<>();

        assertThat(model.publish(queued::add)).isFalse();
        assertThat(model.problem("publishAt").get()).isEqualTo(PublishDialogModel.TIME_PROBLEM);
        assertThat(model.problem("categories").get()).isEqualTo("Give at most 50 categories, not 51.");
        assertThat(model.problem("site").get()).isEmpty();

        model.date.set(null); // the request's own words for a schedule without a date
        assertThat(model.problem("publishAt").get()).isEqualTo("Give the date and time the post should go live.");
        model.site.set(null);
        assertThat(model.problem("site").get()).isEqualTo("Choose the site to publish to.");
        frames.runDue();
        assertThat(queued).isEmpty();
        assertThat(fixture.queue.list(10, JobKind.PUBLISH)).isEmpty();

        model.site.set(model.sites().getFirst()); // problems go as they are mended
        model.date.set(LocalDate.of(2026, 12, 24));
        model.time.set("9:30");
        model.categories.set("News");
        assertThat(PublishDialogModel.FIELDS).allSatisfy(f -> assertThat(model.problem(f).get()).isEmpty());
    }

    @Test
    void publishPutsTheRequestTheFormSaysInTheOutbox() throws Exception {
        fixture.sites.save(PublishFixture.BLOG, "app pass word");
        var model = dialog();
        model.status.set(Status.FUTURE);
        model.date.set(LocalDate.of(2026, 12, 24));
        model.time.set("9:30");
        model.categories.set(" News,  Recipes ,, news");
        model.tags.set("rye");
        List<PublishDialogModel.Queued> queued = Collections.synchronizedList(new ArrayList<>());

        assertThat(model.publish(queued::add)).isTrue();
        frames.runUntil(() -> !queued.isEmpty());
        var expected = new PublishRequest(post.id(), "Blog", "future", LocalDateTime.of(2026, 12, 24, 9, 30),
                List.of("News", "Recipes"), List.of("rye"), false);
        assertThat(queued.getFirst().request()).isEqualTo(expected);
        assertThat(fixture.queue.input(queued.getFirst().jobId())).contains(expected);
        assertThat(fixture.queue.list(10, JobKind.PUBLISH)).singleElement()
                .satisfies(job -> assertThat(job.jobId()).isEqualTo(queued.getFirst().jobId()));
        assertThat(queued.getFirst().words())
                .isEqualTo("“Rye at home” is in the outbox: it goes to Blog to go live on 24 Dec 2026 at 09:30.");
    }

    @Test
    void withoutASiteItSaysWhereToAddOneAndRefuses() throws Exception {
        var model = dialog();
        assertThat(model.noSitesProperty().get()).isEqualTo(PublishDialogModel.NO_SITES);
        assertThat(model.publish(q -> { })).isFalse();
        assertThat(model.problem("site").get()).isEqualTo(PublishDialogModel.NO_SITES);
        assertThat(fixture.queue.list(10, JobKind.PUBLISH)).isEmpty();
    }

    @Test
    void aPostGoneFromTheLibraryIsSaidAndNotQueued() throws Exception {
        fixture.sites.save(PublishFixture.BLOG, "app pass word");
        fixture.library.delete(post.id());
        fixture.library.purgeDeletedBefore(clock.instant().plusSeconds(60));
        var model = dialog();
        assertThat(model.problem("postId").get()).isEqualTo("This post is no longer in the library.");
        assertThat(model.publish(q -> { })).isFalse();
        assertThat(fixture.queue.list(10, JobKind.PUBLISH)).isEmpty();
    }
}
