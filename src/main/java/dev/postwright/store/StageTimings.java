package dev.postwright.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measured stage durations, per writer model. Keeps the last {@value #KEEP} of each stage and
 * model, which is what estimates use. Thread-safe.
 */
public final class StageTimings {
    static final int KEEP = 20;

    private final SqlDatabase db;
    private final Clock clock;

    public StageTimings(SqlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a duration without waiting for the disk; old measurements beyond {@value #KEEP} are dropped. */
    public void record(String stage, String model, long millis) {
        long now = clock.millis();
        db.submit(sql -> {
            sql.update("INSERT INTO stage_timings (stage, model, millis, at) VALUES (?, ?, ?, ?)", stage, model, millis, now);
            return sql.update("""
                    DELETE FROM stage_timings WHERE stage = ? AND model = ? AND key NOT IN
                      (SELECT key FROM stage_timings WHERE stage = ? AND model = ? ORDER BY key DESC LIMIT ?)""",
                    stage, model, stage, model, KEEP);
        });
    }

    /** The median of the recent durations of {@code stage} with {@code model}; empty before the first. */
    public OptionalLong median(String stage, String model) {
        List<Long> recent = new ArrayList<>(db.read(sql -> sql.query(
                "SELECT millis FROM stage_timings WHERE stage = ? AND model = ? ORDER BY key DESC LIMIT ?",
                rs -> rs.getLong(1), stage, model, KEEP)));
        if (recent.isEmpty()) return OptionalLong.empty();
        Collections.sort(recent);
        return OptionalLong.of(recent.get(recent.size() / 2));
    }
}
