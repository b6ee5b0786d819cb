package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Measured stage durations (the estimate's input), on a real SQLite file and a real PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class StageTimingsTest {
    @Parameter
    TestDatabases.Kind kind;
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    TestDatabases databases;
    SqlDatabase db;
    StageTimings timings;

    @BeforeEach
    void open() throws Exception {
        databases = TestDatabases.fresh(kind, dir);
        db = databases.open();
        timings = new StageTimings(db, clock);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    @Test
    void theMedianIsOfTheLastTwentyOfEachStageAndModel() {
        assertThat(timings.median("draft", "offline")).isEmpty();
        for (int i = 1; i <= 30; i++) timings.record("draft", "offline", i * 1_000L);
        timings.record("draft", "other-model", 99_000);
        timings.record("outline", "offline", 5);
        db.transaction(sql -> 0); // records are written asynchronously: wait until they are

        assertThat(timings.median("draft", "offline")).hasValue(21_000); // of 11..30 s
        assertThat(timings.median("draft", "other-model")).hasValue(99_000);
        assertThat(timings.median("outline", "offline")).hasValue(5);
        assertThat(db.<java.util.Optional<Integer>>read(sql -> sql.queryOne("SELECT count(*) FROM stage_timings WHERE stage = 'draft' "
                + "AND model = 'offline'", rs -> rs.getInt(1)))).contains(StageTimings.KEEP);
    }
}
