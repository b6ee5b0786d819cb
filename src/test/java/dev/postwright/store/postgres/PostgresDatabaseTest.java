package dev.postwright.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.store.SqlDatabase;
import dev.postwright.store.StoreException;
import dev.postwright.testing.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writers, order keys, batches and announcements of {@link PostgresDatabase}, on a real server. */
class PostgresDatabaseTest {
    private static final PostgresPool.Settings SMALL = PostgresPool.Settings.DEFAULTS.withSize(6);

    @Test
    void workOfOneKeyCommitsInTheOrderItWasSubmittedWhateverTheOtherKeysDo() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.open(TestPostgres.freshDatabase(), SMALL)) {
            db.transaction(sql -> {
                sql.execute("CREATE TABLE log (n BIGINT GENERATED ALWAYS AS IDENTITY, k TEXT, i INT)");
                return null;
            });
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int value = i;
                for (String key : List.of("job-a", "job-b", "job-c")) {
                    writes.add(db.submit(key, sql -> sql.update("INSERT INTO log (k, i) VALUES (?, ?)", key, value)));
                }
            }
            writes.forEach(CompletableFuture::join);
            for (String key : List.of("job-a", "job-b", "job-c")) {
                // Commit order is the identity's order: each key's values came in as they were submitted.
                List<Integer> values = db.read(sql -> sql.query("SELECT i FROM log WHERE k = ? ORDER BY n",
                        rs -> rs.getInt(1), key));
                assertThat(values).hasSize(500).isSorted();
            }
        }
    }

    @Test
    void writesNeverWaitForAConnectionWhileEveryReaderIsBusy() throws Exception {
        var oneReader = new PostgresPool.Settings(1, java.time.Duration.ofMillis(500), SMALL.threads());
        try (PostgresDatabase db = PostgresDatabase.open(TestPostgres.freshDatabase(), oneReader)) {
            db.transaction(sql -> sql.update("CREATE TABLE t (v INT)"));
            var reading = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            var reader = Thread.ofPlatform().start(() -> db.read(sql -> {
                reading.countDown();
                try {
                    return release.await(60, TimeUnit.SECONDS); // holds the only reading connection
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            try {
                assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
                // A reader now would wait out the pool's timeout; each writer has its own connection.
                for (String key : List.of("job-a", "job-b", "job-c", "job-d", "job-e")) {
                    int inserted = db.transaction(key, sql -> sql.update("INSERT INTO t VALUES (1)"));
                    assertThat(inserted).isEqualTo(1);
                }
                assertThatThrownBy(() -> db.read(sql -> 1)).isInstanceOf(StoreException.class);
            } finally {
                release.countDown();
                reader.join();
            }
            assertThat(db.<Integer>read(sql -> sql.queryOne("SELECT count(*)::int FROM t", rs -> rs.getInt(1)).orElseThrow()))
                    .isEqualTo(5);
        }
    }

    @Test
    void aWriteChosenAsADeadlocksVictimRunsAgainInsteadOfFailing() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.open(TestPostgres.freshDatabase(), SMALL)) {
            db.transaction(sql -> sql.update("CREATE TABLE row_locks (id INT PRIMARY KEY, n INT NOT NULL)"));
            db.transaction(sql -> sql.update("INSERT INTO row_locks VALUES (1, 0), (2, 0)"));
            String first = "job-a";
            String second = otherLaneThan(first);
            var firstHolds = new java.util.concurrent.CountDownLatch(1);
            var secondHolds = new java.util.concurrent.CountDownLatch(1);
            var runs = new java.util.concurrent.atomic.AtomicInteger();
            // Each takes one row, waits until the other has taken the other row, then wants it: a
            // deadlock PostgreSQL breaks (after deadlock_timeout) by rolling one of them back.
            var a = db.submit(first, sql -> {
                runs.incrementAndGet();
                sql.update("UPDATE row_locks SET n = n + 1 WHERE id = 1");
                firstHolds.countDown();
                awaitQuietly(secondHolds);
                return sql.update("UPDATE row_locks SET n = n + 1 WHERE id = 2");
            });
            var b = db.submit(second, sql -> {
                runs.incrementAndGet();
                awaitQuietly(firstHolds);
                sql.update("UPDATE row_locks SET n = n + 1 WHERE id = 2");
                secondHolds.countDown();
                return sql.update("UPDATE row_locks SET n = n + 1 WHERE id = 1");
            });
            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(b.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(runs.get()).as("the victim ran twice").isEqualTo(3);
            List<Integer> counts = db.read(sql -> sql.query("SELECT n FROM row_locks ORDER BY id", rs -> rs.getInt(1)));
            assertThat(counts).as("each piece's updates counted once").containsExactly(2, 2);
        }
    }

    private static String otherLaneThan(String key) {
        for (int i = 0; ; i++) {
            String other = "job-" + i;
            if (Math.floorMod(other.hashCode(), PostgresDatabase.LANES) != Math.floorMod(key.hashCode(), PostgresDatabase.LANES)) {
                return other;
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the other write never came");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailingPieceOfABatchFailsAloneAndTheRestIsCommitted() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.open(TestPostgres.freshDatabase(), SMALL)) {
            db.transaction(sql -> {
                sql.execute("CREATE TABLE t (v INT PRIMARY KEY)");
                return null;
            });
            // Held up behind a slow first piece, the rest queue and run as one batch.
            var first = db.submit("k", sql -> sql.queryOne("SELECT pg_sleep(0.3)", rs -> 0).orElse(0));
            var before = db.submit("k", sql -> sql.update("INSERT INTO t VALUES (1)"));
            var bad = db.submit("k", sql -> sql.update("INSERT INTO t VALUES (1)")); // a duplicate key
            var after = db.submit("k", sql -> sql.update("INSERT INTO t VALUES (2)"));
            first.join();
            assertThat(before.join()).isEqualTo(1);
            assertThatThrownBy(bad::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOf(StoreException.class).hasMessageContaining("23505");
            assertThat(after.join()).isEqualTo(1);
            assertThat(db.<List<Integer>>read(sql -> sql.query("SELECT v FROM t ORDER BY v", rs -> rs.getInt(1))))
                    .containsExactly(1, 2);
        }
    }

    @Test
    void aTransactionFromInsideWriteWorkIsRefusedRatherThanWaitingForItself() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.open(TestPostgres.freshDatabase(), SMALL)) {
            var nested = db.submit("k", sql -> db.transaction("other", inner -> 1));
            assertThatThrownBy(nested::join).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside write work");
        }
    }

    @Test
    void anAnnouncementReachesEveryNodeWhenItsWorkCommitsAndNotWhenItRollsBack() throws Exception {
        PostgresAddress address = TestPostgres.freshDatabase();
        try (PostgresDatabase a = PostgresDatabase.open(address, SMALL);
             PostgresDatabase b = PostgresDatabase.open(address, SMALL)) {
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            b.onAnnouncement("postwright_test", subject -> heard.add(subject == null ? "<anything>" : subject));
            // Once b listens it says "anything may have changed": what came before was not heard.
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("<anything>");

            assertThatThrownBy(() -> a.transaction(sql -> {
                a.announce(sql, "postwright_test", "rolled-back");
                throw new SQLException("the work fails");
            })).isInstanceOf(StoreException.class);
            a.transaction(sql -> {
                a.announce(sql, "postwright_test", "job-1");
                return null;
            });
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo("job-1");
            assertThat(heard).isEmpty();
            assertThat(a.dialect()).isEqualTo(SqlDatabase.Dialect.POSTGRESQL);
            assertThat(a.problem()).isEmpty();
        }
    }
}
