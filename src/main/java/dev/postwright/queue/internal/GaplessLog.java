package dev.postwright.queue.internal;

import dev.postwright.store.SqlWork;
import java.sql.SQLException;

/**
 * Keeps one run's part of the job log free of gaps. Events are written without waiting, so by
 * the time a write fails, later ones are already queued, and a smaller one might still fit on a
 * nearly full disk: a log with a hole in it would replay to a different draft. Once one guarded
 * write of the run fails, every later one fails the same way, on the writer thread, before it
 * touches anything; the run is then stopped and handed back.
 */
final class GaplessLog {
    private volatile int brokenWith; // the SQLite code of the first failure, 0 while none failed

    /** {@code work}, refused once an earlier guarded write of this run has failed. */
    <T> SqlWork<T> guard(SqlWork<T> work) {
        return sql -> {
            int code = brokenWith;
            if (code != 0) throw new SQLException("an earlier write of this run could not be stored", null, code);
            try {
                return work.run(sql);
            } catch (SQLException e) {
                brokenWith = e.getErrorCode() != 0 ? e.getErrorCode() : 1; // SQLITE_ERROR when the driver gave none
                throw e;
            }
        };
    }
}
