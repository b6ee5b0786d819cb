package dev.postwright.remote;

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
    private static final System.Logger LOG = System.getLogger(RemoteStream.class.getName());

    private final RemoteJobs jobs;
    private final String jobId;
    private final JobEventListener listener;
    private long lastSeq;
    private long localSeq;
    private boolean serverIds;
    private boolean afterBreak;
    private int failures;
    private boolean finished;
    private EventSource source;

    RemoteStream(RemoteJobs jobs, String jobId, long afterSeq, JobEventListener listener) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.listener = listener;
        this.lastSeq = afterSeq;
        this.localSeq = afterSeq;
    }

    synchronized void connect() {
        if (finished) return;
        var request = new Request.Builder().url(jobs.server().jobs() + "/" + jobId + "/stream")
                .header("Accept", "text/event-stream");
        if (lastSeq > 0) request.header("Last-Event-ID", jobId + ":" + lastSeq);
        source = EventSources.createFactory(jobs.streamClient()).newEventSource(jobs.authorized(request).build(),
                new Listener());
    }

    @Override
    public synchronized void close() {
        finish();
    }

    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource from, Response response) {
            jobs.reportStream(response, null);
            synchronized (RemoteStream.this) {
                if (from != source || finished) return;
                // Partial results sent while we were away are lost on a server without ids.
                if (afterBreak && !serverIds) outcomeFromStatus();
            }
        }

        @Override
        public void onEvent(EventSource from, String id, String type, String data) {
            synchronized (RemoteStream.this) {
                if (from != source || finished) return;
                failures = 0;
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
            synchronized (RemoteStream.this) {
                if (from == source && !finished) reconnect(true);
            }
        }

        @Override
        public void onFailure(EventSource from, Throwable t, Response response) {
            synchronized (RemoteStream.this) {
                if (from != source || finished) return;
                jobs.reportStream(response, t);
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
            jobs.reconnects().schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            finish();
        }
    }

    private void deliver(long seq, JobEvent event) {
        try {
            listener.onEvent(new LoggedEvent(jobId, seq, event, Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of remote job " + jobId + " failed on event " + seq, e);
        }
    }

    private void finish() {
        if (finished) return;
        finished = true;
        if (source != null) source.cancel();
        source = null;
        try {
            listener.onEnd();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of remote job " + jobId + " failed when its stream ended", e);
        }
    }
}
