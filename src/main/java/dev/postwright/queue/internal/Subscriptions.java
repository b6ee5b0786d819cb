package dev.postwright.queue.internal;

import dev.postwright.queue.JobEventListener;
import dev.postwright.store.Database;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** The live subscriptions of one queue, by job, for waking them when their job's log grows. */
final class Subscriptions {
    private final ConcurrentHashMap<String, Set<EventPump>> byJob = new ConcurrentHashMap<>();
    private final Database db;
    private final Executor executor;

    Subscriptions(Database db, Executor executor) {
        this.db = db;
        this.executor = executor;
    }

    EventPump open(String jobId, long afterSeq, JobEventListener listener) {
        var holder = new EventPump[1];
        EventPump pump = new EventPump(jobId, afterSeq, listener, db, executor, () -> remove(holder[0]));
        holder[0] = pump;
        byJob.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(pump);
        pump.signal();
        return pump;
    }

    /** Called after an append to {@code jobId}'s log has committed. */
    void appended(String jobId) {
        Set<EventPump> pumps = byJob.get(jobId);
        if (pumps != null) pumps.forEach(EventPump::signal);
    }

    /** Wakes every subscription, so appends by other processes on the same file are seen too. */
    void signalAll() {
        byJob.values().forEach(pumps -> pumps.forEach(EventPump::signal));
    }

    void closeAll() {
        byJob.values().forEach(pumps -> pumps.forEach(EventPump::close));
    }

    private void remove(EventPump pump) {
        byJob.computeIfPresent(pump.jobId(), (id, pumps) -> {
            pumps.remove(pump);
            return pumps.isEmpty() ? null : pumps;
        });
    }
}
