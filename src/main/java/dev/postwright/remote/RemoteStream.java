package dev.postwright.remote;

import dev.postwright.jobs.Delivery;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.wire.JobEventCodec;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One job's remote stream, kept alive through everything job-stream-protocol.md §1.4 lists.
 * Events reach the listener in order, each once: with a server that sends ids, a reconnect sends
 * {@code Last-Event-ID} and repeats are dropped; with one that does not, a reconnect asks
 * {@code /status} and, once the job has ended, delivers its outcome from there ({@code complete}
 * carries the whole result, so every panel fills). A stream silent for twice the keepalive is
 * taken for dead (the read times out); {@code stream-timeout} reconnects at once; after the
 * terminal event the client closes the stream itself. Reconnects back off exponentially with
 * jitter and never give up while the subscription is open. A refused token (401) or a job that
 * is gone (404) ends the stream with a {@code failed} event in words. Postwright's own additions
 * ({@code draft-delta}, {@code draft-reset} from {@code postwright serve}) are delivered as any
 * other event, so the views fold a remote job's draft as they fold a local one.
 */
final class RemoteStream implements Subscription {
    // Threads: OkHttp's callbacks and the reconnect timer only hand work to the stream's lane
    // (a Delivery); everything below that touches the fields runs there, one task at a time, so
    // nothing needs a lock, the /status call blocks no one else, and the listener is called on
    // the lane alone, in order, with onEnd once.
    private static final System.Logger LOG = System.getLogger(RemoteStream.class.getName());

    private final RemoteJobs jobs;
    private final String jobId;
    private final JobEventListener listener;
    private long lastSeq;
    private long localSeq;
    private boolean serverIds;
    private boolean afterBreak;
    private int loggedThisConnection;
    private int failures;
    private boolean finished;
    private volatile EventSource source; // written on the lane only; close() may read it
    private final Delivery lane;

    RemoteStream(RemoteJobs jobs, String jobId, long afterSeq, JobEventListener listener) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.listener = listener;
        this.lane = new Delivery(jobId, listener, jobs.deliveries());
        lane.whenEnding(() -> {
            finished = true;
            if (source != null) source.cancel();
            source = null;
        });
        this.lastSeq = afterSeq;
        this.localSeq = afterSeq;
    }

    /** Opens the stream (on the lane). */
    void start() {
        lane.execute(this::connect);
    }

    private void connect() {
        if (finished || lane.isEnding()) return;
        loggedThisConnection = 0;
        var request = new Request.Builder().url(jobs.server().jobs() + "/" + jobId + "/stream")
                .header("Accept", "text/event-stream");
        if (lastSeq > 0) request.header("Last-Event-ID", jobId + ":" + lastSeq);
        source = EventSources.createFactory(jobs.streamClient()).newEventSource(jobs.authorized(request).build(),
                new Listener());
    }

    /** Ends the subscription: {@code onEnd} follows on the lane, after a delivery in progress. */
    @Override
    public void close() {
        lane.end(); // the lane's end closes the socket; closing it now as well stops reading at once
        EventSource open = source;
        if (open != null) open.cancel();
    }

    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource from, Response response) {
            jobs.reportStream(response, null);
            lane.execute(() -> {
                if (from != source || finished) return;
                // Partial results sent while we were away are lost on a server without ids.
                if (afterBreak && !serverIds) outcomeFromStatus();
            });
        }

        @Override
        public void onEvent(EventSource from, String id, String type, String data) {
            lane.execute(() -> received(from, id, type, data));
        }

        private void received(EventSource from, String id, String type, String data) {
            {
                if (from != source || finished) return;
                failures = 0;
                if (!JobEventCodec.CONNECTED.equals(type)) loggedThisConnection++;
                long seq = sequence(id);
                if (seq >= 0) serverIds = true;
                if (JobEventCodec.CONNECTED.equals(type)) return;
                if (JobEventCodec.STREAM_TIMEOUT.equals(type)) { // the server stops writing now, and may not close
                    reconnect(false);
                    return;
                }
                Optional<JobEvent> event;
                try {
                    event = JobEventCodec.decode(type, data);
                } catch (RuntimeException malformed) {
                    LOG.log(Level.WARNING, "Skipping a malformed {0} event of job {1}: {2}", type, jobId,
                            malformed.getMessage());
                    return;
                }
                if (event.isEmpty()) return; // an event this client does not know: ignored, as the protocol asks
                if (seq >= 0) {
                    if (seq <= lastSeq) return; // already delivered before the reconnect
                    lastSeq = seq;
                    localSeq = Math.max(localSeq, seq);
                    deliver(seq, event.get());
                } else {
                    deliver(++localSeq, event.get());
                }
                if (event.get().isTerminal()) finish(); // the real backend does not close: we do
            }
        }

        @Override
        public void onClosed(EventSource from) {
            lane.execute(() -> {
                if (from != source || finished) return;
                // Our server closes a stream that has nothing more to send: with nothing logged on
                // this connection, a finished job means the caller already has its end.
                if (serverIds && loggedThisConnection == 0 && hasFinished()) {
                    finish();
                    return;
                }
                reconnect(true);
            });
        }

        @Override
        public void onFailure(EventSource from, Throwable t, Response response) {
            jobs.reportStream(response, t);
            lane.execute(() -> broke(from, t, response));
        }

        private void broke(EventSource from, Throwable t, Response response) {
            {
                if (from != source || finished) return;
                int code = response == null ? 0 : response.code();
                if (code == 401 || code == 403 || code == 404) {
                    deliver(++localSeq, new JobEvent.Failed(RemoteErrors.describe(code, null),
                            code == 404 ? "NOT_FOUND" : "UNAUTHORIZED"));
                    finish();
                    return;
                }
                LOG.log(Level.INFO, "The stream of job {0} broke ({1}); reconnecting", jobId,
                        t == null ? "HTTP " + code : RemoteErrors.scrub(String.valueOf(t.getMessage())));
                reconnect(true);
            }
        }
    }

    /** The sequence number in an id {@code <jobId>:<n>} (or a bare number); -1 without one. */
    private long sequence(String id) {
        if (id == null || id.isBlank()) return -1;
        String tail = id.substring(id.lastIndexOf(':') + 1);
        try {
            return Long.parseLong(tail.strip());
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    private boolean hasFinished() {
        try {
            return jobs.status(jobId).map(s -> s.state() == JobState.SUCCEEDED || s.state() == JobState.FAILED
                    || s.state() == JobState.CANCELLED).orElse(false);
        } catch (RemoteException e) {
            return false; // reconnect; the stream will tell us more
        }
    }

    private void outcomeFromStatus() {
        JobStatus status;
        try {
            Optional<JobStatus> found = jobs.status(jobId);
            if (found.isEmpty()) {
                deliver(++localSeq, new JobEvent.Failed(RemoteErrors.describe(404, null), "NOT_FOUND"));
                finish();
                return;
            }
            status = found.get();
        } catch (RemoteException e) {
            return; // the stream itself will tell us more
        }
        if (status.state() == JobState.SUCCEEDED && status.result() != null) {
            deliver(++localSeq, new JobEvent.Complete(status.result()));
            finish();
        } else if (status.state() == JobState.FAILED || status.state() == JobState.CANCELLED) {
            deliver(++localSeq, new JobEvent.Failed(status.error() == null ? "The job failed." : status.error(),
                    status.errorCode()));
            finish();
        }
    }

    /** Reconnects after a backoff (a break) or at once (the server said the stream timed out). */
    private void reconnect(boolean afterFailure) {
        if (source != null) source.cancel();
        source = null;
        afterBreak = true;
        long delay = 0;
        if (afterFailure) {
            failures++;
            var timing = jobs.timing();
            long cap = timing.longestRetry().toMillis();
            long base = Math.min(cap, timing.firstRetry().toMillis() << Math.min(20, failures - 1));
            delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
        }
        try {
            jobs.reconnects().schedule(() -> lane.execute(this::connect), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            finish();
        }
    }

    // On the lane: the offered event is delivered right after the task that offered it.
    private void deliver(long seq, JobEvent event) {
        lane.offer(new LoggedEvent(jobId, seq, event, Instant.now()));
    }

    private void finish() {
        if (finished) return;
        finished = true; // nothing more is read; the lane's end closes the socket after the pending deliveries
        lane.endAfterPending();
    }
}
