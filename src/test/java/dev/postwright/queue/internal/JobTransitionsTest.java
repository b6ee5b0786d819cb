package dev.postwright.queue.internal;

import static dev.postwright.model.JobState.CANCELLED;
import static dev.postwright.model.JobState.FAILED;
import static dev.postwright.model.JobState.QUEUED;
import static dev.postwright.model.JobState.RUNNING;
import static dev.postwright.model.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.JobState;
import dev.postwright.queue.internal.JobTransitions.Move;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobTransitionsTest {
    /** The whole table, both ways: every pair is listed as allowed or not. */
    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "QUEUED, RUNNING, true", "QUEUED, CANCELLED, true", "QUEUED, SUCCEEDED, false", "QUEUED, FAILED, false",
            "QUEUED, QUEUED, false",
            "RUNNING, SUCCEEDED, true", "RUNNING, FAILED, true", "RUNNING, CANCELLED, true", "RUNNING, QUEUED, true",
            "RUNNING, RUNNING, false",
            "SUCCEEDED, QUEUED, false", "SUCCEEDED, RUNNING, false", "SUCCEEDED, FAILED, false",
            "SUCCEEDED, CANCELLED, false", "SUCCEEDED, SUCCEEDED, false",
            "FAILED, QUEUED, true", "FAILED, RUNNING, false", "FAILED, SUCCEEDED, false", "FAILED, CANCELLED, false",
            "FAILED, FAILED, false",
            "CANCELLED, QUEUED, true", "CANCELLED, RUNNING, false", "CANCELLED, SUCCEEDED, false",
            "CANCELLED, FAILED, false", "CANCELLED, CANCELLED, false"})
    void followsTheTable(JobState from, JobState to, boolean allowed) {
        assertThat(JobTransitions.allowed(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"SUCCEEDED, QUEUED", "QUEUED, FAILED", "CANCELLED, RUNNING"})
    void aMoveTheTableForbidsCannotBeMade(JobState from, JobState to) {
        assertThatThrownBy(() -> Move.of(from, to)).isInstanceOf(IllegalStateException.class)
                .hasMessage("illegal job transition " + from + " → " + to);
    }

    @Test
    void movesRenderTheirSqlFromTheTable() {
        var cancel = Move.of(EnumSet.of(QUEUED, RUNNING), CANCELLED);
        assertThat(cancel.fromClause()).isEqualTo("state IN ('queued', 'running')");
        assertThat(cancel.toClause()).isEqualTo("state = 'cancelled'");
        assertThat(Move.of(EnumSet.of(FAILED, CANCELLED), QUEUED).fromClause()).isEqualTo("state IN ('failed', 'cancelled')");
        assertThat(Move.of(RUNNING, SUCCEEDED).toClause()).isEqualTo("state = 'succeeded'");
    }
}
