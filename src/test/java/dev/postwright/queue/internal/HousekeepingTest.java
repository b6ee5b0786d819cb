package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.SqlDatabase;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class HousekeepingTest {
    @RegisterExtension
    final QueueFixture fixture;

    HousekeepingTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }


    private SqlJobQueue queue(SqlDatabase db, QueueSettings settings) {
        return (SqlJobQueue) JobQueue.builder(db, ctx -> {
            // Enough text that pruning frees many pages.
            for (int i = 0; i < 50; i++) ctx.emit(new JobEvent.DraftDelta(i, "word ".repeat(40)));
            ctx.completeStage("draft", "{\"big\":true}", List.of(progress(50, "drafted")));
            return Briefs.result(ctx.request().topic().title());
        }).settings(settings.withWorkers(0)).clock(fixture.clock).build();
    }

    @Test
    void oldFinishedJobsKeepOnlyTheirFinalEventAndLoseTheirCheckpoints() throws Exception {
        SqlDatabase db = fixture.database();
        var queue = queue(db, QueueSettings.DEFAULTS.withRetention(Duration.ofDays(30), 100));
        String old = queue.enqueue(Briefs.brief("old"), null);
        queue.runDueJobs();
        fixture.clock.advance(Duration.ofDays(20));
        String recent = queue.enqueue(Briefs.brief("recent"), null);
        queue.runDueJobs();
        String pending = queue.enqueue(Briefs.brief("pending"), null);
        fixture.clock.advance(Duration.ofDays(11));

        assertThat(queue.pruneEventLogs()).isEqualTo(1);
        assertThat(queue.pruneEventLogs()).as("idempotent").isZero();

        assertThat(fixture.logNames(db, old)).containsExactly("complete");
        assertThat(fixture.logSeqs(db, old)).containsExactly(52L);
        assertThat(fixture.logNames(db, recent)).hasSize(52);
        assertThat(queue.status(pending).orElseThrow().state().isFinished()).isFalse();
        int checkpoints = db.read(sql -> sql.queryOne("SELECT count(*) FROM checkpoints WHERE job_key = " + SqlEventLog.JOB_KEY,
                rs -> rs.getInt(1), old).orElseThrow());
        assertThat(checkpoints).isZero();

        // A pruned job still tells a late viewer how it ended, result included.
        var viewer = new RecordingListener();
        queue.subscribe(old, 0, viewer);
        List<LoggedEvent> replay = viewer.awaitEnd(Duration.ofSeconds(10));
        assertThat(replay).singleElement().satisfies(e -> assertThat(((JobEvent.Complete) e.event()).result()
                .post().title()).isEqualTo("old"));
        assertThat(queue.status(old).orElseThrow().result().post().title()).isEqualTo("old");
    }

    @Test
    void onlyTheMostRecentFinishedJobsKeepTheirLogsWhateverTheirAge() throws Exception {
        SqlDatabase db = fixture.database();
        var queue = queue(db, QueueSettings.DEFAULTS.withRetention(Duration.ofDays(365), 2));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(queue.enqueue(Briefs.brief("job " + i), null));
            queue.runDueJobs();
            fixture.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(queue.pruneEventLogs()).isEqualTo(3);
        int events = db.read(sql -> sql.queryOne("SELECT count(*) FROM job_events", rs -> rs.getInt(1)).orElseThrow());
        assertThat(events).isEqualTo(3 + 2 * 52);
        if (fixture.store() == QueueFixture.Store.SQLITE) {
            int freePages = db.read(sql -> sql.queryOne("PRAGMA freelist_count", rs -> rs.getInt(1)).orElseThrow());
            assertThat(freePages).as("freed pages are returned to the file system").isZero();
        }
        assertThat(fixture.logNames(db, ids.get(4))).hasSize(52);
    }
}
