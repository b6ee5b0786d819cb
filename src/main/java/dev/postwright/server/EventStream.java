package dev.postwright.server;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.JobEventCodec;
import dev.postwright.wire.SseFrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * One client's stream of one job: {@code : ok} (with the reconnection delay), {@code connected}, then every logged event after
 * the client's last one, each with {@code id: <jobId>:<seq>} (every frame has an id), live until the terminal event,
 * after which the response ends. Idle streams get {@code : keepalive}; a stream older than its
 * maximum age gets {@code stream-timeout} and ends (the client reconnects with Last-Event-ID and
 * loses nothing). Events that arrive together are written together, so a busy job costs one
 * write per batch, not per event. Runs on the request's (virtual) thread.
 */
final class EventStream implements StreamPump.Frames {
    /** How long a client waits before reconnecting, told in the opening frame (the SSE default is ~3 s). */
    static final int RETRY_MILLIS = 1_000;

    private final String jobId;
    private final ServeSettings settings;
    private final StreamPump pump;
    /** The last logged event sent (or the client's resume point); touched only by the stream's thread. */
    private long lastSeq;

    EventStream(String jobId, ServeSettings settings) {
        this.jobId = jobId;
        this.settings = settings;
        this.pump = new StreamPump(settings);
    }

    /** Ends the stream soon (server shutdown); safe from any thread. */
    void end() {
        pump.end();
    }

    /** Streams until the job ends, the stream's age runs out, {@link #end} or the client leaves. */
    void run(JobQueue queue, long afterSeq, OutputStream out) throws IOException {
        StreamPump.write(out, ": ok\nretry: " + RETRY_MILLIS + "\n\n");
        var connected = new JobEvent.Connected(UUID.randomUUID().toString(), jobId,
                (int) settings.streamMaxAge().toSeconds(), "Reconnect with Last-Event-ID to resume where you left off.");
        lastSeq = afterSeq;
        StreamPump.write(out, SseFrameWriter.event(JobEventCodec.CONNECTED, id(), JobEventCodec.encodeData(connected)));
        pump.run(queue, jobId, afterSeq, out, this);
    }

    @Override
    public String frame(LoggedEvent logged) {
        lastSeq = logged.seq();
        return SseFrameWriter.event(JobEventCodec.name(logged.event()), id(), JobEventCodec.encodeData(logged.event()));
    }

    /** The job API's stream ends when the subscription does: after the terminal event, once nothing follows. */
    @Override
    public boolean endsWith(LoggedEvent logged) {
        return false;
    }

    @Override
    public String ageOut() {
        var timeout = new JobEvent.StreamTimeout(jobId, "This stream has reached its maximum age of "
                + settings.streamMaxAge().toSeconds() + " s. Reconnect with Last-Event-ID to go on.");
        return SseFrameWriter.event(JobEventCodec.STREAM_TIMEOUT, id(), JobEventCodec.encodeData(timeout));
    }

    /**
     * The id of the event being written: the job and the sequence number of the last logged event
     * sent. {@code connected} and {@code stream-timeout} carry it too, so every event has an id and
     * resuming from any of them neither skips nor repeats.
     */
    private String id() {
        return jobId + ":" + lastSeq;
    }
}
