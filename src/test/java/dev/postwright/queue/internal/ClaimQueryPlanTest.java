package dev.postwright.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.store.Database;
import dev.postwright.store.DatabaseUnavailableException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims and heartbeats must stay fast however many finished jobs the table holds: they walk an index. */
class ClaimQueryPlanTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void aTableOfMostlyFinishedJobs() throws DatabaseUnavailableException {
        db = Database.open(dir.resolve("p.db"));
        db.transaction(sql -> {
            for (int i = 0; i < 2000; i++) {
                sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                        + "VALUES (?, ?, '{}', ?, 0, 0)", "j" + i, i % 10 == 0 ? "queued" : "succeeded", i);
            }
            sql.execute("ANALYZE");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theClaimFindsAPreferredJobByIdAndElseTheOldestDueJobThroughTheClaimIndex() {
        // The real claim statement: the update finds its row by rowid; the preferred ids are looked
        // up one by one in the id index, the oldest due job in the claim index, without sorting it.
        List<String> plan = db.read(sql -> sql.query("EXPLAIN QUERY PLAN " + SqliteQueueDialect.CLAIM,
                rs -> rs.getString("detail"), "worker#1", 1L, Long.MAX_VALUE, "[\"j10\"]"));
        assertThat(plan).containsExactly("SEARCH jobs USING INTEGER PRIMARY KEY (rowid=?)", "SCALAR SUBQUERY 1",
                "SCAN p VIRTUAL TABLE INDEX 1:", "SEARCH j USING INDEX sqlite_autoindex_jobs_1 (id=?)",
                "USE TEMP B-TREE FOR ORDER BY", "SCALAR SUBQUERY 2",
                "SEARCH jobs USING COVERING INDEX jobs_claim (run_at<?)");
    }

    @Test
    void theHeartbeatFindsAClaimThroughTheIndexOfRunningJobs() {
        List<String> plan = db.read(sql -> sql.query("EXPLAIN QUERY PLAN " + SqlJobStore.RENEW,
                rs -> rs.getString("detail"), 1L, "worker#1"));
        assertThat(plan).containsExactly("SEARCH jobs USING INDEX jobs_running (claimed_by=?)");
    }
}
