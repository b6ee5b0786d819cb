package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createsAMigratedWalDatabaseInANewFolder() throws Exception {
        Path file = dir.resolve("nested/folder/postwright.db");
        try (Database db = Database.open(file)) {
            assertThat(textOf(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(intOf(db, "PRAGMA user_version")).isEqualTo(Migrations.latest());
            assertThat(intOf(db, "PRAGMA auto_vacuum")).as("full").isEqualTo(1);
            List<String> tables = db.read(sql -> sql.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'posts_search_%' ORDER BY name",
                    rs -> rs.getString(1)));
            assertThat(tables).containsExactly("checkpoints", "images", "job_events", "jobs", "organizations", "post_versions",
                    "posts", "posts_search", "publications", "published_media", "stage_timings", "write_probe");
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        Path file = dir.resolve("p.db");
        try (Database db = Database.open(file)) {
            db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                    + "VALUES ('a', 'queued', '{}', 0, 0, 0)"));
        }
        try (Database db = Database.open(file)) {
            assertThat(intOf(db, "SELECT count(*) FROM jobs")).isEqualTo(1);
        }
    }

    @Test
    void twoProcessesOpeningOneNewFileMigrateItOnce() throws Exception {
        Path file = dir.resolve("race.db");
        Callable<Database> open = () -> Database.open(file);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(open);
            var b = pool.submit(open);
            try (Database first = a.get(); Database second = b.get()) {
                assertThat(intOf(first, "PRAGMA user_version")).isEqualTo(Migrations.latest());
                assertThat(intOf(second, "PRAGMA user_version")).isEqualTo(Migrations.latest());
            }
        }
    }

    @Test
    void readersNeverWrite() throws Exception {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            assertThatThrownBy(() -> db.read(sql -> sql.update("DELETE FROM jobs")))
                    .isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() throws Exception {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            assertThatThrownBy(() -> db.transaction(sql -> {
                sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                        + "VALUES ('a', 'queued', '{}', 0, 0, 0)");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(intOf(db, "SELECT count(*) FROM jobs")).isEqualTo(0);
            // the writer is usable again
            db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                    + "VALUES ('b', 'queued', '{}', 0, 0, 0)"));
        }
    }

    @Test
    void workFromManyThreadsSharesCommitsButAFailingPieceRollsBackAlone() throws Exception {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            int threads = 8;
            int each = 200;
            List<CompletableFuture<Integer>> futures = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (var pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            String id = thread + "-" + i;
                            boolean fails = i % 10 == 0;
                            futures.add(db.submit(sql -> {
                                sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                                        + "VALUES (?, 'queued', '{}', 0, 0, 0)", id);
                                if (fails) throw new IllegalStateException("piece " + id + " fails after writing");
                                return 1;
                            }));
                        }
                    });
                }
            }
            int succeeded = 0;
            int failed = 0;
            for (var future : futures) {
                try {
                    succeeded += future.join();
                } catch (java.util.concurrent.CompletionException e) {
                    assertThat(e.getCause()).hasMessageEndingWith("fails after writing");
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(threads * each / 10);
            assertThat(intOf(db, "SELECT count(*) FROM jobs")).isEqualTo(succeeded).isEqualTo(threads * each * 9 / 10);
            assertThat(intOf(db, "SELECT count(*) FROM jobs WHERE id LIKE '%-0' OR id LIKE '%-10'")).isZero();
        }
    }

    @Test
    void workRunsInSubmissionOrderAndIsVisibleOnceItsFutureCompletes() throws Exception {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            db.transaction(sql -> sql.update("CREATE TABLE log (n INTEGER PRIMARY KEY AUTOINCREMENT, v INTEGER)"));
            CompletableFuture<Integer> last = null;
            for (int i = 0; i < 1000; i++) {
                int v = i;
                last = db.submit(sql -> sql.update("INSERT INTO log (v) VALUES (?)", v));
            }
            last.join();
            List<Integer> values = db.read(sql -> sql.query("SELECT v FROM log ORDER BY n", rs -> rs.getInt(1)));
            assertThat(values).isEqualTo(java.util.stream.IntStream.range(0, 1000).boxed().toList());
        }
    }

    @Test
    void closingCommitsWhatIsQueuedAndRefusesNewWork() throws Exception {
        Database db = Database.open(dir.resolve("p.db"));
        var queued = db.submit(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                + "VALUES ('late', 'queued', '{}', 0, 0, 0)"));
        db.close();
        assertThat(queued).isCompletedWithValue(1);
        assertThatThrownBy(() -> db.transaction(sql -> 1)).hasMessageContaining("is closed");
        try (Database reopened = Database.open(dir.resolve("p.db"))) {
            assertThat(intOf(reopened, "SELECT count(*) FROM jobs")).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "These are my notes, not a database. ".repeat(200));
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("The Postwright database at " + file + " is damaged or is not a Postwright database. "
                        + "Move it aside (or restore a backup) and start Postwright again; it will create a new, empty one.");
        assertThat(Files.readString(file)).startsWith("These are my notes"); // nothing was changed
    }

    @Test
    void aCorruptedDatabaseIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("p.db");
        Database.open(file).close();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 16; i < 100; i++) bytes[i] = (byte) 0xA5; // smash the header's page size and counters
        Files.write(file, bytes);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("is damaged or is not a Postwright database");
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsReportedAsLocked() throws Exception {
        Path file = dir.resolve("p.db");
        Database.open(file).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = other.createStatement()) {
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            var quick = Database.Settings.DEFAULTS.withBusyTimeout(Duration.ofMillis(200));
            assertThatThrownBy(() -> Database.open(file, quick))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("The Postwright database at " + file + " is locked by another program. "
                            + "Close that program (or the other Postwright window) and try again.");
            statement.execute("COMMIT");
        }
    }

    @Test
    void aReadOnlyDatabaseIsReportedAsReadOnly() throws Exception {
        Path file = dir.resolve("p.db");
        Database.open(file).close();
        assumeTrue(makeReadOnly(file), "this machine cannot make a file read-only for this user");
        try {
            assertThatThrownBy(() -> Database.open(file))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("Postwright cannot write to its database at " + file + ": the file or its folder is "
                            + "read-only. Give your user write access to it, or choose another data folder.");
        } finally {
            undoReadOnly(file);
        }
    }

    @Test
    void aDatabaseFromANewerPostwrightIsNotTouched() throws Exception {
        Path file = dir.resolve("p.db");
        try (Database db = Database.open(file)) {
            db.transaction(sql -> {
                sql.execute("PRAGMA user_version = 99");
                return null;
            });
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("was written by a newer version of Postwright (schema 99; this version knows up to "
                        + Migrations.latest() + ")");
    }

    @Test
    void aFolderThatCannotBeCreatedIsReported() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the folder should be");
        Path file = blocker.resolve("p.db");
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("Postwright cannot open its database at " + file);
    }

    private static int intOf(Database db, String query) {
        return db.read(sql -> sql.queryOne(query, rs -> rs.getInt(1)).orElseThrow());
    }

    private static String textOf(Database db, String query) {
        return db.read(sql -> sql.queryOne(query, rs -> rs.getString(1)).orElseThrow());
    }

    /** chmod is enough for ordinary users; root needs the immutable attribute. */
    private static boolean makeReadOnly(Path file) throws IOException, InterruptedException {
        if (file.toFile().setWritable(false, false) && !Files.isWritable(file)) return true;
        return run("chattr", "+i", file.toString()) && !Files.isWritable(file);
    }

    private static void undoReadOnly(Path file) throws IOException, InterruptedException {
        run("chattr", "-i", file.toString());
        file.toFile().setWritable(true, false);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false; // the tool is not installed
        }
    }
}
