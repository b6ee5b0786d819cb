package dev.postwright.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.PublishRequest;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.publish.OutboxEntry.Kind;
import dev.postwright.ui.publish.PublishFixture.Ending;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox from a real queue on a temporary data folder, its publish handler a stand-in each
 * run of which ends as the test says; frames run by the test, reads on virtual threads. After
 * the first refresh, nothing but the jobs' own events moves the rows.
 */
class OutboxModelTest {
    @TempDir Path dir;
    private final Clock clock = Clock.systemUTC();
    private final ManualFrames frames = new ManualFrames();
    private PublishFixture fixture;
    private OutboxModel outbox;
    private LibraryPost post;

    @BeforeEach
    void open() throws Exception {
        fixture = new PublishFixture(dir, clock);
        fixture.sites.save(PublishFixture.BLOG, "app pass word");
        post = fixture.post("Rye at home", List.of("bread"));
        outbox = outbox();
    }

    private OutboxModel outbox() {
        return new OutboxModel(fixture.services(), frames, r -> Thread.ofVirtual().start(r), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        if (outbox != null) outbox.close();
        fixture.close();
    }

    private String enqueue(PublishRequest request) {
        return fixture.queue.enqueue(request, null);
    }

    private OutboxEntry waitForRow(String jobId, Predicate<OutboxEntry> holds) throws InterruptedException {
        frames.runUntil(() -> row(jobId).filter(holds).isPresent());
        return row(jobId).orElseThrow();
    }

    private Optional<OutboxEntry> row(String jobId) {
        return outbox.entries().stream().filter(e -> e.jobId().equals(jobId)).findFirst();
    }

    @Test
    void aPostOnItsWayShowsItsStepThenItsLinkOncePublished() throws Exception {
        String id = enqueue(PublishRequest.draft(post.id(), "Blog"));
        outbox.refresh();
        OutboxEntry waiting = waitForRow(id, e -> e.kind() == Kind.PENDING);
        assertThat(waiting.postTitle()).isEqualTo("Rye at home");
        assertThat(waiting.site()).isEqualTo("Blog");
        assertThat(outbox.waitingProperty().get()).isEqualTo(1);

        fixture.queue.start();
        waitForRow(id, e -> e.detail().equals("Sending the post to Blog"));
        fixture.endings.add(new Ending.Published("http://127.0.0.1:9/rye-at-home/"));
        OutboxEntry published = waitForRow(id, e -> e.kind() == Kind.PUBLISHED);
        assertThat(published.link()).isEqualTo("http://127.0.0.1:9/rye-at-home/");
        assertThat(published.detail()).startsWith("Published ");
        assertThat(outbox.waitingProperty().get()).isZero();
    }

    @Test
    void aSiteThatDoesNotAnswerLeavesThePostWaitingWithTheTimeOfTheNextTry() throws Exception {
        fixture.queue.start();
        String id = enqueue(PublishRequest.draft(post.id(), "Blog"));
        outbox.refresh();
        waitForRow(id, e -> e.detail().equals("Sending the post to Blog"));
        fixture.endings.add(new Ending.Fails(JobFailure.transientFailure("Blog did not answer in time.",
                "SITE_UNAVAILABLE", java.time.Duration.ofMinutes(30), null)));
        OutboxEntry retrying = waitForRow(id, OutboxEntry::retrying);
        assertThat(retrying.kind()).isEqualTo(Kind.PENDING);
        assertThat(retrying.detail()).matches("Retrying at \\d\\d:\\d\\d \\(attempt 2 of 20\\): Blog did not answer in time\\.");
        assertThat(outbox.waitingProperty().get()).isEqualTo(1);

        outbox.cancel(retrying); // the writer gives up on the site: the post stays in the outbox to retry or dismiss
        OutboxEntry cancelled = waitForRow(id, e -> e.kind() == Kind.FAILED);
        assertThat(cancelled.detail()).isEqualTo("Cancelled before it was sent.");
        assertThat(outbox.messageProperty().get()).isEqualTo("Cancelled.");
    }

    @Test
    void aRefusalIsSaidInWordsAndRetriedUnderTheSameJob() throws Exception {
        fixture.queue.start();
        String id = enqueue(PublishRequest.draft(post.id(), "Blog"));
        outbox.refresh();
        waitForRow(id, e -> e.detail().equals("Sending the post to Blog"));
        fixture.endings.add(new Ending.Fails(JobFailure.permanent("Blog refused the password.", "SITE_REFUSED")));
        OutboxEntry failed = waitForRow(id, e -> e.kind() == Kind.FAILED);
        assertThat(failed.detail()).isEqualTo("Blog refused the password.");
        assertThat(failed.changedOnSite()).isFalse();
        assertThat(outbox.waitingProperty().get()).isEqualTo(1);

        outbox.retry(failed);
        waitForRow(id, e -> e.kind() == Kind.PENDING);
        fixture.endings.add(new Ending.Published("http://127.0.0.1:9/rye-at-home/"));
        waitForRow(id, e -> e.kind() == Kind.PUBLISHED && e.link() != null);
        assertThat(outbox.entries()).hasSize(1);
        assertThat(outbox.messageProperty().get()).isEqualTo("Trying again.");
    }

    @Test
    void aPostChangedOnTheSiteIsReplacedOnlyByANewJobThatAgreesTo() throws Exception {
        fixture.queue.start();
        String id = enqueue(new PublishRequest(post.id(), "Blog", "publish", null, List.of("News"), List.of(), false));
        outbox.refresh();
        waitForRow(id, e -> e.detail().equals("Sending the post to Blog"));
        fixture.endings.add(new Ending.Fails(JobFailure.permanent("“Rye at home” was changed on Blog.", "CHANGED_ON_SITE")));
        OutboxEntry refused = waitForRow(id, OutboxEntry::changedOnSite);
        assertThat(fixture.ran.take().replaceSiteChanges()).isFalse();

        outbox.replaceSiteVersion(refused);
        frames.runUntil(() -> outbox.entries().size() == 1 && !outbox.entries().getFirst().jobId().equals(id));
        String again = outbox.entries().getFirst().jobId();
        assertThat(fixture.queue.status(id)).isEmpty(); // the refused job made way for the new one
        assertThat(fixture.queue.input(again)).contains(new PublishRequest(post.id(), "Blog", "publish", null,
                List.of("News"), List.of(), true));
        assertThat(fixture.ran.poll(30, TimeUnit.SECONDS).replaceSiteChanges()).isTrue();
        fixture.endings.add(new Ending.Published("http://127.0.0.1:9/rye-at-home/"));
        waitForRow(again, e -> e.kind() == Kind.PUBLISHED);
    }

    @Test
    void theOutboxIsReadFromTheQueueAfterARestart() throws Exception {
        fixture.queue.start();
        String published = enqueue(PublishRequest.draft(post.id(), "Blog"));
        fixture.endings.add(new Ending.Published("http://127.0.0.1:9/rye-at-home/"));
        fixture.queue.whenFinished(published).get(30, TimeUnit.SECONDS);
        String failed = enqueue(PublishRequest.draft(post.id(), "Blog"));
        fixture.endings.add(new Ending.Fails(JobFailure.permanent("No application password is kept for Blog.",
                "NO_PASSWORD")));
        fixture.queue.whenFinished(failed).get(30, TimeUnit.SECONDS);
        outbox.close();
        fixture.close();

        fixture = new PublishFixture(dir, clock); // a new start of the app: the same data folder
        outbox = outbox();
        outbox.refresh();
        frames.runUntil(() -> outbox.entries().size() == 2);
        assertThat(outbox.entries()).extracting(OutboxEntry::jobId, OutboxEntry::kind, OutboxEntry::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(failed, Kind.FAILED, null),
                        org.assertj.core.groups.Tuple.tuple(published, Kind.PUBLISHED, "http://127.0.0.1:9/rye-at-home/"));
        assertThat(outbox.waitingProperty().get()).isEqualTo(1);

        outbox.dismiss(outbox.entries().getFirst());
        frames.runUntil(() -> outbox.entries().size() == 1);
        assertThat(fixture.queue.status(failed)).isEmpty();
    }
}
