package dev.postwright.queue.internal;

import static dev.postwright.model.JobState.CANCELLED;
import static dev.postwright.model.JobState.FAILED;
import static dev.postwright.model.JobState.QUEUED;
import static dev.postwright.model.JobState.RUNNING;
import static dev.postwright.model.JobState.SUCCEEDED;

import dev.postwright.model.JobState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table of legal job-state transitions. Every state-changing statement of the store is
 * built from a {@link Move}, and a move can only be made from this table, so the SQL cannot
 * express a transition the table forbids.
 */
final class JobTransitions {
    private static final Map<JobState, Set<JobState>> ALLOWED = new EnumMap<>(JobState.class);

    static {
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
        // RUNNING → QUEUED: a transient failure waiting for its retry, a released or abandoned lease.
        ALLOWED.put(RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, QUEUED));
        ALLOWED.put(SUCCEEDED, EnumSet.noneOf(JobState.class));
        ALLOWED.put(FAILED, EnumSet.of(QUEUED));
        ALLOWED.put(CANCELLED, EnumSet.of(QUEUED));
    }

    private JobTransitions() {}

    static boolean allowed(JobState from, JobState to) {
        return ALLOWED.get(from).contains(to);
    }

    static String sqlName(JobState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static JobState fromSql(String name) {
        return JobState.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A transition from any of {@code from} to {@code to}, checked against the table when made. */
    record Move(Set<JobState> from, JobState to) {
        Move {
            for (JobState f : from) {
                if (!allowed(f, to)) throw new IllegalStateException("illegal job transition " + f + " → " + to);
            }
            from = Set.copyOf(from);
        }

        static Move of(JobState from, JobState to) {
            return new Move(EnumSet.of(from), to);
        }

        static Move of(Set<JobState> from, JobState to) {
            return new Move(from, to);
        }

        /** {@code state IN ('a', 'b')} for the WHERE clause of the move's UPDATE. */
        String fromClause() {
            return from.stream().sorted().map(s -> "'" + sqlName(s) + "'")
                    .collect(Collectors.joining(", ", "state IN (", ")"));
        }

        /** {@code state = 'x'} for the SET clause. */
        String toClause() {
            return "state = '" + sqlName(to) + "'";
        }
    }
}
