package dev.postwright.queue.internal;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.store.SqlDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** The live subscriptions of one queue, by job, for waking them when their job's log grows. */
final class Subscriptions {
    private final ConcurrentHashMap<String, Set<EventPump>> byJob = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, JobFeed> feeds = new ConcurrentHashMap<>();
    private final SqlDatabase db;
    private final Executor executor;

    Subscriptions(SqlDatabase db, Executor executor) {
        this.db = db;
        this.executor = executor;
    }

    EventPump open(String jobId, long afterSeq, JobEventListener listener) {
        var holder = new EventPump[1];
        // The job's feed is made and dropped under the same key lock as its set of pumps, so a pump
        // never holds a feed that appends no longer reach.
        byJob.compute(jobId, (id, pumps) -> {
            JobFeed feed = feeds.computeIfAbsent(id, JobFeed::new);
            holder[0] = new EventPump(id, afterSeq, listener, db, feed, executor, () -> remove(holder[0]));
            Set<EventPump> set = pumps != null ? pumps : ConcurrentHashMap.newKeySet();
            set.add(holder[0]);
            return set;
        });
        holder[0].signal();
        return holder[0];
    }

    /** Called after an append to {@code jobId}'s log has committed. */
    void appended(String jobId) {
        JobFeed feed = feeds.get(jobId);
        if (feed != null) feed.appended();
        Set<EventPump> pumps = byJob.get(jobId);
        if (pumps != null) pumps.forEach(EventPump::signal);
    }

    /** Wakes every subscription, so appends by other processes on the same file are seen too. */
    void signalAll() {
        feeds.values().forEach(JobFeed::appended);
        byJob.values().forEach(pumps -> pumps.forEach(EventPump::signal));
    }

    /**
     * Ends every subscription and waits, up to {@code grace} in all, for their drains to finish,
     * so that none reads the database after the queue's owner has closed it.
     */
    void closeAll(Duration grace) {
        List<EventPump> all = byJob.values().stream().flatMap(Set::stream).toList();
        all.forEach(EventPump::close);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (EventPump pump : all) {
                pump.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void remove(EventPump pump) {
        byJob.computeIfPresent(pump.jobId(), (id, pumps) -> {
            pumps.remove(pump);
            if (pumps.isEmpty()) feeds.remove(id);
            return pumps.isEmpty() ? null : pumps;
        });
    }
}
