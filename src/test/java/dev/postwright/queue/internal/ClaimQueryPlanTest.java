package dev.postwright.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.store.Database;
import dev.postwright.store.DatabaseUnavailableException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims must stay fast however many finished jobs the table holds: they walk an index. */
class ClaimQueryPlanTest {
    @TempDir
    Path dir;

    @Test
    void theClaimFindsTheOldestDueJobThroughTheClaimIndexWithoutSorting() throws DatabaseUnavailableException {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            db.transaction(sql -> {
                for (int i = 0; i < 2000; i++) {
                    sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                            + "VALUES (?, ?, '{}', ?, 0, 0)", "j" + i, i % 10 == 0 ? "queued" : "succeeded", i);
                }
                sql.execute("ANALYZE");
                return null;
            });
            // The real claim statement: the update finds its row by rowid, the subquery by the claim index.
            List<String> plan = db.read(sql -> sql.query("EXPLAIN QUERY PLAN " + SqliteJobStore.CLAIM_SQL,
                    rs -> rs.getString("detail"), "worker", 1L, Long.MAX_VALUE));
            assertThat(plan).containsExactly("SEARCH jobs USING INTEGER PRIMARY KEY (rowid=?)", "SCALAR SUBQUERY 1",
                    "SEARCH jobs USING COVERING INDEX jobs_claim (run_at<?)");
        }
    }
}
