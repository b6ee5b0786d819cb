package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.testing.FullDisk;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk refuses writes with a sentence, damages nothing, and passes by itself. */
class DiskFullTest {
    private static final String ROW = "INSERT INTO organizations (id, profile, updated_at) VALUES (?, ?, 0)";

    @TempDir
    Path dir;

    @Test
    void aWriteOnAFullDiskFailsWithASentenceAndLaterWritesWorkOnceThereIsRoom() throws Exception {
        try (Database db = Database.open(dir.resolve("postwright.db"))) {
            db.transaction(sql -> sql.update(ROW, "before", "{}"));
            FullDisk.fill(db);

            for (int i = 0; i < 5; i++) {
                String id = "full-" + i;
                assertThatThrownBy(() -> db.transaction(sql -> sql.update(ROW, id, "x".repeat(20_000))))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.diskFull()).isTrue();
                            assertThat(e.getMessage()).startsWith("The disk is full: free some space")
                                    .contains(dir.toString());
                        });
            }
            assertThat(db.writeFault()).isPresent();

            FullDisk.free(db);
            // The same connection takes writes again: the failed ones were rolled back completely.
            db.transaction(sql -> sql.update(ROW, "after", "x".repeat(20_000)));
            java.util.List<String> ids = db.read(sql -> sql.query("SELECT id FROM organizations ORDER BY id",
                    rs -> rs.getString(1)));
            assertThat(ids).containsExactly("after", "before");
        }
    }

    @Test
    void theFaultStaysUntilTheProbeCommitsThenListenersHearItClear() throws Exception {
        try (Database db = Database.open(dir.resolve("postwright.db"))) {
            var faulted = new CountDownLatch(1);
            var cleared = new CountDownLatch(1);
            db.onWriteFaultChange(() -> (db.writeFault().isPresent() ? faulted : cleared).countDown());
            FullDisk.fill(db);
            assertThatThrownBy(() -> db.transaction(sql -> sql.update(ROW, "big", "x".repeat(20_000))))
                    .isInstanceOf(StoreException.class);
            assertThat(faulted.await(30, TimeUnit.SECONDS)).isTrue();

            // A write that fits in place goes through, but says nothing about room: still faulted.
            db.transaction(sql -> sql.update("UPDATE organizations SET updated_at = 1 WHERE id = 'none'"));
            assertThat(db.writeFault()).isPresent();
            assertThat(cleared.getCount()).isEqualTo(1);

            FullDisk.free(db);
            assertThat(cleared.await(30, TimeUnit.SECONDS)).as("the probe found room by itself").isTrue();
            assertThat(db.writeFault()).isEmpty();
        }
    }

    @Test
    void aBatchOfManyWritesOnAFullDiskFailsEachWithoutBreakingTheConnection() throws Exception {
        try (Database db = Database.open(dir.resolve("postwright.db"))) {
            FullDisk.fill(db);
            var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Integer>>();
            for (int i = 0; i < 50; i++) {
                String id = "o" + i;
                futures.add(db.submit(sql -> sql.update(ROW, id, "x".repeat(5_000))));
            }
            for (var f : futures) {
                assertThatThrownBy(f::join).hasCauseInstanceOf(StoreException.class);
            }
            FullDisk.free(db);
            for (int i = 0; i < 50; i++) {
                String id = "o" + i;
                db.transaction(sql -> sql.update(ROW, id, "x".repeat(5_000)));
            }
            int rows = db.read(sql -> sql.queryOne("SELECT count(*) FROM organizations", rs -> rs.getInt(1)).orElseThrow());
            assertThat(rows).isEqualTo(50);
        }
    }
}
