package dev.postwright.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobState;
import dev.postwright.model.StoredImage;
import dev.postwright.queue.QueueSettings;
import dev.postwright.queue.internal.SqlJobQueue;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.TestDatabases;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.MutableClock;
import dev.postwright.testing.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path on either database: a blog job through an engine opened on a database it owns
 * ({@link LocalEngine#open(SqlDatabase, Path, java.util.function.Supplier, java.util.function.Supplier,
 * QueueSettings, java.time.Clock)}), with the offline writer and image maker, saves its post and
 * pictures; a second engine on the same database (on PostgreSQL another node, with a data folder
 * of its own) reads both.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class LocalEngineOnEitherDatabaseTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final QueueSettings BY_HAND = QueueSettings.DEFAULTS.withWorkers(0);

    @Parameter
    TestDatabases.Kind kind;
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    TestDatabases databases;

    @BeforeEach
    void fresh() {
        databases = TestDatabases.fresh(kind, dir);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    /** An engine on the database; engines on one SQLite file share its data folder, PostgreSQL's nodes do not. */
    private LocalEngine engine(String node) throws Exception {
        Path dataDir = dir.resolve(kind == TestDatabases.Kind.SQLITE ? "data" : node);
        return LocalEngine.open(databases.open(), dataDir, OfflineWriter::new, OfflineImageMaker::new, BY_HAND, clock);
    }

    @Test
    void aBlogJobSavesItsPostAndPicturesWhichAnotherEngineOnTheDatabaseReads() throws Exception {
        JobResult result;
        String id;
        try (LocalEngine first = engine("node-a")) {
            var queue = (SqlJobQueue) first.jobs();
            id = queue.enqueue(Briefs.sourdough(JobOptions.DEFAULTS.withImages()), "alice");
            assertThat(queue.runDueJobs()).isEqualTo(1);
            var listener = new RecordingListener();
            queue.subscribe(id, 0, listener);
            List<LoggedEvent> events = listener.awaitEnd(WAIT);
            result = ((JobEvent.Complete) events.getLast().event()).result();
        }
        assertThat(result.savedPost()).isNotNull();
        assertThat(result.images()).isNotEmpty();

        try (LocalEngine second = engine("node-b")) {
            assertThat(second.jobs().status(id)).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(JobState.SUCCEEDED));
            assertThat(second.library().find(result.savedPost().id())).hasValueSatisfying(saved -> {
                assertThat(saved.post()).isEqualTo(result.post());
                assertThat(saved.sourceJobId()).isEqualTo(id);
            });
            assertThat(second.library().ownedBy("alice", 10, 0)).extracting(p -> p.id())
                    .containsExactly(result.savedPost().id());
            List<StoredImage> pictures = second.images().ofPost(result.savedPost().id());
            assertThat(pictures).extracting(StoredImage::id)
                    .containsExactlyInAnyOrderElementsOf(result.images().stream().map(StoredImage::id).toList());
            for (StoredImage picture : pictures) {
                assertThat(second.images().bytes(picture)).hasSize((int) picture.size());
            }
            assertThat(second.sqlDatabase().dialect().name()).isEqualTo(kind.name());
        }
    }

    @Test
    void theEngineClosesTheDatabaseItWasGiven() throws Exception {
        SqlDatabase database = databases.open();
        LocalEngine.open(database, dir.resolve("data"), OfflineWriter::new, OfflineImageMaker::new, BY_HAND, clock).close();
        assertThatThrownBy(() -> database.read(sql -> 1)).isInstanceOf(RuntimeException.class);
    }
}
