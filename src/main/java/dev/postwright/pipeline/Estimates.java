package dev.postwright.pipeline;

import dev.postwright.model.Stage;
import dev.postwright.store.StageTimings;
import java.util.List;
import java.util.OptionalLong;

/**
 * Time remaining, from the measured durations of earlier jobs with the same writer: the sum of
 * the median durations of the stages still to run. Unknown (null) until every one of them has
 * been measured at least once.
 */
final class Estimates {
    private final StageTimings timings;
    private final String model;

    Estimates(StageTimings timings, String model) {
        this.timings = timings;
        this.model = model;
    }

    /** Seconds left when {@code from} starts, or null. */
    Integer remaining(Stage from, List<Stage> stages) {
        long millis = 0;
        for (Stage stage : stages) {
            if (stage.ordinal() < from.ordinal()) continue;
            OptionalLong median = timings.median(stage.id(), model);
            if (median.isEmpty()) return null;
            millis += median.getAsLong();
        }
        return (int) Math.ceil(millis / 1000.0);
    }

    void record(Stage stage, long millis) {
        timings.record(stage.id(), model, millis);
    }
}
