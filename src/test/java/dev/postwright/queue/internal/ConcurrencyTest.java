package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class ConcurrencyTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    final QueueFixture fixture;

    ConcurrencyTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }
    final Map<String, AtomicInteger> runsPerJob = new ConcurrentHashMap<>();
    final Map<String, String> engineOfJob = new ConcurrentHashMap<>();



    private JobHandler recording(String engine) {
        return ctx -> {
            runsPerJob.computeIfAbsent(ctx.jobId(), id -> new AtomicInteger()).incrementAndGet();
            engineOfJob.put(ctx.jobId(), engine);
            ctx.emit(progress(30, "working"));
            ctx.completeStage("draft", "{}", List.of(progress(60, "drafted")));
            return Briefs.result(ctx.jobId());
        };
    }

    @Test
    void severalProducersAndWorkersRunEveryJobExactlyOnce() throws Exception {
        var queue = fixture.threaded(recording("a"), QueueSettings.DEFAULTS.withWorkers(3));
        queue.start();
        List<String> ids = produce(List.of(queue), 4, 150);
        List<JobStatus> finished = awaitAll(queue, ids);
        assertThat(finished).allSatisfy(s -> assertThat(s.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(runsPerJob).hasSize(ids.size());
        assertThat(runsPerJob.values()).allSatisfy(runs -> assertThat(runs).hasValue(1));
        var db = fixture.database();
        for (String id : ids.subList(0, 20)) {
            assertThat(fixture.logNames(db, id)).containsExactly("progress-update", "progress-update", "complete");
        }
    }

    @Test
    void twoEnginesOnOneFileNeverRunAJobTwice() throws Exception {
        var settings = new QueueSettings(2, Duration.ofMillis(20), Duration.ofSeconds(30), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofDays(30), 200);
        // Each engine has its own database object, hence its own connections: the database arbitrates between them.
        var first = fixture.threaded(recording("first"), settings);
        var second = fixture.threaded(recording("second"), settings);
        first.start();
        second.start();
        List<String> ids = produce(List.of(first, second), 4, 100);
        List<JobStatus> finished = awaitAll(first, ids);
        assertThat(finished).allSatisfy(s -> assertThat(s.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(runsPerJob).hasSize(ids.size());
        assertThat(runsPerJob.values()).allSatisfy(runs -> assertThat(runs).hasValue(1));
        assertThat(engineOfJob.values()).as("both engines took work").contains("first", "second");
        var db = fixture.database();
        int events = db.read(sql -> sql.queryOne("SELECT count(*) FROM job_events", rs -> rs.getInt(1)).orElseThrow());
        assertThat(events).isEqualTo(ids.size() * 3);
    }

    /** {@code producers} threads each enqueue {@code perProducer} jobs, spread over the queues. */
    private static List<String> produce(List<SqlJobQueue> queues, int producers, int perProducer) throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        try (var pool = Executors.newFixedThreadPool(producers)) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        var queue = queues.get((producer + i) % queues.size());
                        ids.add(queue.enqueue(Briefs.brief("job " + producer + "-" + i), null));
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(ids).hasSize(producers * perProducer).doesNotHaveDuplicates();
        return ids;
    }

    private static List<JobStatus> awaitAll(SqlJobQueue queue, List<String> ids) throws Exception {
        List<JobStatus> out = new ArrayList<>();
        for (String id : ids) out.add(queue.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return out;
    }
}
