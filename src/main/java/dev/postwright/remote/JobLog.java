package dev.postwright.remote;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One remote job's events as this app has seen them, for a dialect whose server has no replay:
 * numbered from 1, replayed to each new subscriber and then delivered live, with {@code onEnd}
 * after the terminal event. Thread-safe; listeners are called under the log's lock, in order.
 */
final class JobLog {
    private static final System.Logger LOG = System.getLogger(JobLog.class.getName());

    private final String jobId;
    private final List<LoggedEvent> events = new ArrayList<>();
    private final List<JobEventListener> listeners = new ArrayList<>();
    private boolean ended;

    String jobId() {
        return jobId;
    }

    JobLog(String jobId) {
        this.jobId = jobId;
    }

    synchronized void append(JobEvent event) {
        if (ended) return;
        var logged = new LoggedEvent(jobId, events.size() + 1, event, Instant.now());
        events.add(logged);
        for (var listener : listeners) deliver(listener, logged);
        if (event.isTerminal()) {
            ended = true;
            listeners.forEach(JobLog::end);
            listeners.clear();
        }
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized Subscription subscribe(long afterSeq, JobEventListener listener) {
        for (var logged : events) if (logged.seq() > afterSeq) deliver(listener, logged);
        if (ended) {
            end(listener);
            return () -> { };
        }
        listeners.add(listener);
        return () -> {
            boolean removed;
            synchronized (this) {
                removed = listeners.remove(listener);
            }
            if (removed) end(listener);
        };
    }

    private void deliver(JobEventListener listener, LoggedEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of remote job " + jobId + " failed on event " + event.seq(), e);
        }
    }

    private static void end(JobEventListener listener) {
        try {
            listener.onEnd();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener failed when its stream ended", e);
        }
    }
}
