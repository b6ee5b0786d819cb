package dev.postwright.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.store.StoreException;
import dev.postwright.store.postgres.PostgresUnavailableException.Reason;
import dev.postwright.testing.TestPostgres;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostgresMigrationsTest {
    private static final PostgresPool.Settings SMALL = PostgresPool.Settings.DEFAULTS.withSize(2);

    @Test
    void bringsAFreshDatabaseToTheLatestSchema() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(), SMALL)) {
            assertThat(PostgresMigrations.currentVersion(pool)).isZero();
            assertThat(PostgresMigrations.migrate(pool)).isEqualTo(PostgresMigrations.latest());
            assertThat(PostgresMigrations.currentVersion(pool)).isEqualTo(PostgresMigrations.latest());
            assertThat(pool.<List<String>>read(sql -> sql.query("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name""",
                    rs -> rs.getString(1)))).containsExactly("checkpoints", "image_bytes", "images", "job_events", "jobs",
                    "organizations", "post_versions", "posts", "publications", "published_media", "schema_version",
                    "stage_timings");
            assertThat(pool.<List<String>>read(sql -> sql.query("SELECT indexname FROM pg_indexes WHERE tablename = 'jobs' ORDER BY 1",
                    rs -> rs.getString(1)))).contains("jobs_claim", "jobs_running", "jobs_unpruned", "jobs_owner");
        }
    }

    @Test
    void migratingAgainAppliesNothing() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(), SMALL)) {
            PostgresMigrations.migrate(pool);
            assertThat(PostgresMigrations.migrate(pool)).isZero();
            assertThat(pool.<List<String>>read(sql -> sql.query("SELECT version, script FROM schema_version ORDER BY 1",
                    rs -> rs.getInt(1) + " " + rs.getString(2)))).containsExactly("1 V1__job_queue.sql",
                    "2 V2__event_counter.sql", "3 V3__library.sql", "4 V4__stage_timings.sql", "5 V5__images.sql",
                    "6 V6__publishing.sql");
        }
    }

    @Test
    void twoNodesMigratingOneDatabaseAtOnceApplyEachScriptOnce() throws Exception {
        PostgresAddress address = TestPostgres.freshDatabase();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try (PostgresPool first = PostgresPool.open(address, SMALL); PostgresPool second = PostgresPool.open(address, SMALL)) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> runs = List.of(first, second).stream()
                    .map(pool -> CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await(10, TimeUnit.SECONDS);
                            return PostgresMigrations.migrate(pool);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, nodes)).toList();
            List<Integer> applied = runs.stream().map(CompletableFuture::join).toList();
            assertThat(applied).containsExactlyInAnyOrder(PostgresMigrations.latest(), 0);
            assertThat(first.<Optional<Integer>>read(sql -> sql.queryOne("SELECT count(*) FROM schema_version", rs -> rs.getInt(1))))
                    .contains(PostgresMigrations.latest());
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void theJobsTableTakesARowAsTheQueueWritesOne() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(), SMALL)) {
            PostgresMigrations.migrate(pool);
            // SqlJobStore.INSERT, word for word, with the same argument types.
            String insert = """
                    INSERT INTO jobs (id, state, kind, request, owner, run_at, created_at, updated_at)
                    VALUES (?, 'queued', ?, ?, ?, ?, ?, ?)""";
            long now = 1_764_000_000_000L;
            pool.transaction(sql -> {
                sql.update(insert, "0193a7b2-0000-7000-8000-000000000001", "blog", "{\"topic\":\"rye\"}", "ana", now, now, now);
                return sql.update(insert, "0193a7b2-0000-7000-8000-000000000002", "publish", "{}", null, now, now, now);
            });
            var claimed = pool.transaction(sql -> sql.query("""
                    UPDATE jobs SET state = 'running', claimed_by = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
                    WHERE key = (SELECT key FROM jobs WHERE state = 'queued' AND run_at <= ? ORDER BY run_at, key
                                 LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id, kind, request, attempts, progress, owner""",
                    rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " "
                            + rs.getInt(5) + " " + rs.getString(6), "node-a#1", now + 30_000, now, now));
            assertThat(claimed).containsExactly("0193a7b2-0000-7000-8000-000000000001 blog {\"topic\":\"rye\"} 1 0 ana");
            pool.transaction(sql -> sql.update("INSERT INTO job_events (job_key, seq, name, data, at) "
                    + "SELECT key, 1, 'stage', '{}', ? FROM jobs WHERE id = ?", now, "0193a7b2-0000-7000-8000-000000000001"));
            assertThatThrownBy(() -> pool.transaction(sql -> sql.update("UPDATE jobs SET state = 'lost'")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("SQLState 23514");
            assertThatThrownBy(() -> pool.transaction(sql -> sql.update(insert,
                    "0193a7b2-0000-7000-8000-000000000001", "blog", "{}", null, now, now, now)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("SQLState 23505");
        }
    }

    @Test
    void refusesASchemaFromANewerPostwrightAndChangesNothing() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(), SMALL)) {
            PostgresMigrations.migrate(pool);
            pool.transaction(sql -> sql.update("INSERT INTO schema_version (version, script) VALUES (99, 'V99__future.sql')"));
            assertThatThrownBy(() -> PostgresMigrations.migrate(pool))
                    .isInstanceOfSatisfying(PostgresUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_SCHEMA))
                    .hasMessage("The database at " + pool.address().target() + " was written by a newer version of "
                            + "Postwright (schema 99; this version knows up to " + PostgresMigrations.latest()
                            + "). Update Postwright on this node.");
        }
    }
}
