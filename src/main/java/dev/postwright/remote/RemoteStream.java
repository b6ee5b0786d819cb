package dev.postwright.remote;

import dev.postwright.jobs.Backoff;
import dev.postwright.jobs.Delivery;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.wire.JobEventCodec;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/**
 * One job's job-API stream, kept alive through everything job-stream-protocol.md §1.4 lists.
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
 *
 * <p>Threads: OkHttp's callbacks and the reconnect timer only hand work to the stream's lane (a
 * {@link Delivery}); everything that touches the fields runs there, one task at a time, so nothing
 * needs a lock, the {@code /status} call holds up no one else, and the listener is called on the
 * lane alone, in order, with {@code onEnd} once.
 */
final class RemoteStream implements Subscription {
    private static final System.Logger LOG = System.getLogger(RemoteStream.class.getName());

    /**
     * What a stream needs: the server's calls, the job's status (asked after a break), how to
     * watch and retry, and the runtime. Shared by a client's streams.
     */
    record Parts(ServerCalls calls, Function<String, Optional<JobStatus>> status, StreamTiming timing,
                 Backoff backoff, TeamRuntime runtime) {}

    private final Parts parts;
    private final String jobId;
    private final Delivery lane;
    private final Listener listener = new Listener();
    private volatile EventSource source; // written on the lane only; close() may read it
    private volatile boolean tokenInQuery; // written on the lane only; OkHttp's threads read it
    // The rest is touched on the lane only.
    private long lastSeq;
    private long localSeq;
    private boolean serverIds;
    private boolean afterBreak;
    private int loggedThisConnection;
    private int failures;
    private boolean finished;

    /** @param ended told (on the lane) when the subscription has ended, so the client can forget it */
    RemoteStream(Parts parts, String jobId, long afterSeq, JobEventListener listener, Consumer<RemoteStream> ended) {
        this.parts = parts;
        this.jobId = jobId;
        this.lastSeq = afterSeq;
        this.localSeq = afterSeq;
        this.lane = new Delivery(jobId, listener, parts.runtime().deliveries());
        this.tokenInQuery = parts.calls().streamTokenInQuery();
        lane.whenEnding(() -> {
            finished = true;
            if (source != null) source.cancel();
            source = null;
            ended.accept(this);
        });
    }

    /** Opens the stream (on the lane). */
    void start() {
        lane.execute(this::connect);
    }

    /** Ends the subscription: {@code onEnd} follows on the lane, after a delivery in progress. */
    @Override
    public void close() {
        lane.end(); // the lane's end closes the socket; closing it now as well stops reading at once
        EventSource open = source;
        if (open != null) open.cancel();
    }

    private void connect() {
        if (finished || lane.isEnding()) return;
        loggedThisConnection = 0;
        var request = new Request.Builder().header("Accept", "text/event-stream");
        if (lastSeq > 0) request.header("Last-Event-ID", jobId + ":" + lastSeq);
        source = parts.calls().stream(HttpUrl.get(parts.calls().server().jobs() + "/" + jobId + "/stream"), request,
                tokenInQuery, parts.timing().silence(), listener);
    }

    /** OkHttp's callbacks, on its threads: each hands its work to the lane. */
    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource from, Response response) {
            parts.calls().reportStream(response, null);
            lane.execute(() -> opened(from));
        }

        @Override
        public void onEvent(EventSource from, String id, String type, String data) {
            lane.execute(() -> received(from, id, type, data));
        }

        @Override
        public void onClosed(EventSource from) {
            lane.execute(() -> closed(from));
        }

        @Override
        public void onFailure(EventSource from, Throwable t, Response response) {
            int code = response == null ? 0 : response.code();
            // A header the stream refused is asked again with the token in the URL: not a refusal yet.
            if (!headerRefused(code)) parts.calls().reportStream(response, t);
            lane.execute(() -> broke(from, t, code));
        }
    }

    private boolean headerRefused(int code) {
        return (code == 401 || code == 403) && !tokenInQuery && parts.calls().hasToken();
    }

    private void opened(EventSource from) {
        if (from != source || finished) return;
        if (tokenInQuery) parts.calls().streamsTakeTokenInQuery();
        // Partial results sent while we were away are lost on a server without ids.
        if (afterBreak && !serverIds) outcomeFromStatus();
    }

    private void received(EventSource from, String id, String type, String data) {
        if (from != source || finished) return;
        failures = 0;
        long seq = sequence(id);
        if (seq >= 0) serverIds = true;
        if (JobEventCodec.CONNECTED.equals(type)) return;
        loggedThisConnection++;
        if (JobEventCodec.STREAM_TIMEOUT.equals(type)) { // the server stops writing now, and may not close
            reconnect(false);
            return;
        }
        Optional<JobEvent> event;
        try {
            event = JobEventCodec.decode(type, data);
        } catch (RuntimeException malformed) {
            LOG.log(Level.WARNING, "Skipping a malformed {0} event of job {1}: {2}", type, jobId, malformed.getMessage());
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

    private void closed(EventSource from) {
        if (from != source || finished) return;
        // Our server closes a stream that has nothing more to send: with nothing logged on this
        // connection, a finished job means the caller already has its end.
        if (serverIds && loggedThisConnection == 0 && hasFinished()) {
            finish();
            return;
        }
        reconnect(true);
    }

    private void broke(EventSource from, Throwable t, int code) {
        if (from != source || finished) return;
        if (headerRefused(code)) {
            // §1: EventSource streams are authorised by ?token=; some servers take nothing else there.
            LOG.log(Level.INFO, "The server refused the token header on the stream of job {0} (HTTP {1}); asking "
                    + "again with the token as the query parameter", jobId, code);
            tokenInQuery = true;
            source.cancel();
            source = null;
            connect();
            return;
        }
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

    /** The sequence number in an id {@code <jobId>:<n>} (or a bare number); -1 without one. */
    private static long sequence(String id) {
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
            return parts.status().apply(jobId).map(s -> s.state() == JobState.SUCCEEDED
                    || s.state() == JobState.FAILED || s.state() == JobState.CANCELLED).orElse(false);
        } catch (RemoteException e) {
            return false; // reconnect; the stream will tell us more
        }
    }

    private void outcomeFromStatus() {
        JobStatus status;
        try {
            Optional<JobStatus> found = parts.status().apply(jobId);
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
        long delay = afterFailure ? parts.backoff().after(++failures).toMillis() : 0;
        try {
            parts.runtime().scheduler().schedule(() -> lane.execute(this::connect), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            finish();
        }
    }

    // On the lane: the offered event is delivered right after the task that offered it.
    private void deliver(long seq, JobEvent event) {
        lane.offer(new LoggedEvent(jobId, seq, event, parts.runtime().clock().instant()));
    }

    private void finish() {
        if (finished) return;
        finished = true; // nothing more is read; the lane's end closes the socket after the pending deliveries
        lane.endAfterPending();
    }
}
