package dev.postwright.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.JobState;
import dev.postwright.testing.Briefs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job enqueued first is claimed before older due jobs, by the engine it was enqueued in. */
/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class PreferredClaimTest {
    @RegisterExtension
    final QueueFixture fixture;

    PreferredClaimTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }

    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void theEnginesOwnJobIsClaimedBeforeOlderDueJobs() throws Exception {
        var queue = fixture.manual(ctx -> {
            ran.add(ctx.request().topic().title());
            return Briefs.result("t");
        });
        for (String leftover : List.of("left 1", "left 2", "left 3")) queue.enqueue(Briefs.brief(leftover), null);
        String own = queue.enqueueFirst(Briefs.brief("own"), null);

        assertThat(queue.runDueJobs()).isEqualTo(4);

        assertThat(ran).containsExactly("own", "left 1", "left 2", "left 3");
        assertThat(queue.status(own).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void anOwnJobWaitingForItsRetryGoesFirstAgainOnceDue() throws Exception {
        var queue = fixture.manual(ctx -> {
            String title = ctx.request().topic().title();
            ran.add(title + " #" + ctx.attempt());
            if (title.equals("own") && ctx.attempt() == 1) {
                throw JobFailure.transientFailure("The model server is busy", "RATE_LIMITED", Duration.ofSeconds(10), null);
            }
            if (title.equals("left 1")) fixture.clock.advance(Duration.ofSeconds(10)); // the retry is due now
            return Briefs.result("t");
        });
        for (String leftover : List.of("left 1", "left 2")) queue.enqueue(Briefs.brief(leftover), null);
        String own = queue.enqueueFirst(Briefs.brief("own"), null);

        assertThat(queue.runDueJobs()).isEqualTo(4);

        assertThat(ran).containsExactly("own #1", "left 1 #1", "own #2", "left 2 #1");
        assertThat(queue.status(own).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void otherEnginesOnTheFileTakeJobsInTheirUsualOrder() throws Exception {
        var producer = fixture.manual(ctx -> Briefs.result("t"));
        var other = fixture.manual(ctx -> {
            ran.add(ctx.request().topic().title());
            return Briefs.result("t");
        });
        producer.enqueue(Briefs.brief("left 1"), null);
        producer.enqueueFirst(Briefs.brief("own"), null);

        assertThat(other.runDueJobs()).isEqualTo(2);

        assertThat(ran).containsExactly("left 1", "own");
    }
}
