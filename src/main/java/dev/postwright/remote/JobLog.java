package dev.postwright.remote;

import dev.postwright.jobs.Delivery;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One remote job's events as this app has seen them, for a dialect whose server has no replay:
 * numbered from 1, replayed to each new subscriber and then delivered live, with {@code onEnd}
 * after the terminal event. Thread-safe. The lock only orders what each subscriber's
 * {@link Delivery} is offered; listeners are called on their delivery lane, never under it.
 */
final class JobLog {
    private final String jobId;
    private final Clock clock;
    private final Executor deliveries;
    private final List<LoggedEvent> events = new ArrayList<>();
    private final List<Delivery> subscribers = new ArrayList<>();
    private boolean ended;

    JobLog(String jobId, Clock clock, Executor deliveries) {
        this.jobId = jobId;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    String jobId() {
        return jobId;
    }

    synchronized void append(JobEvent event) {
        if (ended) return;
        var logged = new LoggedEvent(jobId, events.size() + 1, event, clock.instant());
        events.add(logged);
        for (var subscriber : subscribers) subscriber.offer(logged);
        if (event.isTerminal()) {
            ended = true;
            subscribers.forEach(Delivery::endAfterPending);
            subscribers.clear();
        }
    }

    /**
     * Logs {@code update} unless the log already has progress at that stage and percentage, or
     * further on: a poll's {@code progress_updates} repeat what the stream had shown, and
     * progress never goes backwards.
     */
    synchronized void appendProgressIfNew(JobEvent.ProgressUpdate update) {
        for (LoggedEvent e : events) {
            if (e.event() instanceof JobEvent.ProgressUpdate p && (p.progress() > update.progress()
                    || p.progress() == update.progress() && java.util.Objects.equals(p.stage(), update.stage()))) {
                return;
            }
        }
        append(update);
    }

    /** Ends every subscription now (the client is closing); each gets its {@code onEnd}. */
    synchronized void endSubscribers() {
        subscribers.forEach(Delivery::end);
        subscribers.clear();
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized Subscription subscribe(long afterSeq, JobEventListener listener) {
        var delivery = new Delivery(jobId, listener, deliveries);
        for (var logged : events) if (logged.seq() > afterSeq) delivery.offer(logged);
        if (ended) {
            delivery.endAfterPending();
            return delivery::end;
        }
        subscribers.add(delivery);
        return () -> {
            synchronized (this) {
                subscribers.remove(delivery);
            }
            delivery.end();
        };
    }
}
