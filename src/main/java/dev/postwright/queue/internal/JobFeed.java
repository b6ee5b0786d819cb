package dev.postwright.queue.internal;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.store.SqlDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The newest events of one job, read once per append for all of its subscriptions. Without it,
 * each subscriber read and decoded the log itself after every append (five reads for a job with
 * five viewers). A read made after the latest append is kept with the append count it saw; a
 * subscription whose cursor it covers takes its events from there. Any append since makes it
 * stale, and the next subscription to drain reads again; concurrent drains wait for that one
 * read instead of each making their own. Thread-safe.
 */
final class JobFeed {
    /** An event as read: its sequence number, and the event unless it could not be decoded. */
    record Read(long seq, Optional<LoggedEvent> event) {}

    private final String jobId;
    private long appends;
    private long readAtAppends = -1;
    private long readAfter;
    private List<Read> read = List.of();

    JobFeed(String jobId) {
        this.jobId = jobId;
    }

    /** Up to {@code batch} events after {@code cursor}, read from the log and decoded. */
    static List<Read> readAfter(SqlDatabase db, String jobId, long cursor, int batch) {
        var rows = db.read(sql -> SqlEventLog.readAfter(sql, jobId, cursor, batch));
        List<Read> decoded = new ArrayList<>(rows.size());
        for (var row : rows) decoded.add(new Read(row.seq(), EventPump.decode(jobId, row)));
        return decoded;
    }

    /** Called when the job's log may have grown (before its subscriptions are signalled). */
    synchronized void appended() {
        appends++;
    }

    /**
     * The events after {@code cursor} up to the end of the log as it is now, or null when the
     * caller must read for itself (the cursor is behind what a shared read can cover: a replay).
     */
    synchronized List<Read> after(long cursor, SqlDatabase db, int batch) {
        if (readAtAppends != appends || cursor < readAfter) {
            long seenAppends = appends; // counted before reading: an append during the read makes it stale
            List<Read> decoded = readAfter(db, jobId, cursor, batch);
            if (decoded.size() == batch) return null; // not the whole tail: the caller pages through the log itself
            read = decoded;
            readAfter = cursor;
            readAtAppends = seenAppends;
        }
        int from = 0;
        while (from < read.size() && read.get(from).seq() <= cursor) from++;
        return read.subList(from, read.size());
    }
}
