package dev.postwright.server;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.JobEventCodec;
import dev.postwright.wire.SseFrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's stream of one job: {@code : ok} (with the reconnection delay), {@code connected}, then every logged event after
 * the client's last one, each with {@code id: <jobId>:<seq>} (every frame has an id), live until the terminal event,
 * after which the response ends. Idle streams get {@code : keepalive}; a stream older than its
 * maximum age gets {@code stream-timeout} and ends (the client reconnects with Last-Event-ID and
 * loses nothing). Events that arrive together are written together, so a busy job costs one
 * write per batch, not per event. Runs on the request's (virtual) thread.
 */
final class EventStream {
    /** Put in the inbox to end the stream: the job ended, or the server is stopping. */
    private static final Object END = new Object();
    /** How long a client waits before reconnecting, told in the opening frame (the SSE default is ~3 s). */
    static final int RETRY_MILLIS = 1_000;

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final String jobId;
    private final ServeSettings settings;
    /** The last logged event sent (or the client's resume point); touched only by the stream's thread. */
    private long lastSeq;

    EventStream(String jobId, ServeSettings settings) {
        this.jobId = jobId;
        this.settings = settings;
    }

    /** Ends the stream soon (server shutdown); safe from any thread. */
    void end() {
        inbox.add(END);
    }

    /** Streams until the job ends, the stream's age runs out, {@link #end} or the client leaves. */
    void run(JobQueue queue, long afterSeq, OutputStream out) throws IOException {
        write(out, ": ok\nretry: " + RETRY_MILLIS + "\n\n");
        var connected = new JobEvent.Connected(UUID.randomUUID().toString(), jobId,
                (int) settings.streamMaxAge().toSeconds(), "Reconnect with Last-Event-ID to resume where you left off.");
        lastSeq = afterSeq;
        write(out, SseFrameWriter.event(JobEventCodec.CONNECTED, id(), JobEventCodec.encodeData(connected)));
        var subscription = queue.subscribe(jobId, afterSeq, new JobEventListener() {
            @Override
            public void onEvent(LoggedEvent event) {
                inbox.add(event);
            }

            @Override
            public void onEnd() {
                inbox.add(END);
            }
        });
        try {
            pump(out);
        } finally {
            subscription.close();
        }
    }

    private void pump(OutputStream out) throws IOException {
        long deadline = System.nanoTime() + settings.streamMaxAge().toNanos();
        long nextKeepalive = System.nanoTime() + settings.keepalive().toNanos();
        List<Object> batch = new ArrayList<>();
        while (true) {
            long wait = Math.min(deadline, nextKeepalive) - System.nanoTime();
            Object first;
            try {
                first = wait > 0 ? inbox.poll(wait, TimeUnit.NANOSECONDS) : inbox.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (System.nanoTime() - deadline >= 0) {
                    var timeout = new JobEvent.StreamTimeout(jobId, "This stream has reached its maximum age of "
                            + settings.streamMaxAge().toSeconds() + " s. Reconnect with Last-Event-ID to go on.");
                    write(out, SseFrameWriter.event(JobEventCodec.STREAM_TIMEOUT, id(), JobEventCodec.encodeData(timeout)));
                    return;
                }
                write(out, SseFrameWriter.comment("keepalive"));
                nextKeepalive = System.nanoTime() + settings.keepalive().toNanos();
                continue;
            }
            batch.clear();
            batch.add(first);
            inbox.drainTo(batch);
            var frames = new StringBuilder();
            boolean ended = false;
            for (Object item : batch) {
                if (item == END) {
                    ended = true;
                    break;
                }
                var logged = (LoggedEvent) item;
                lastSeq = logged.seq();
                frames.append(SseFrameWriter.event(JobEventCodec.name(logged.event()), id(),
                        JobEventCodec.encodeData(logged.event())));
            }
            if (!frames.isEmpty()) write(out, frames.toString());
            if (ended) return;
            nextKeepalive = System.nanoTime() + settings.keepalive().toNanos();
        }
    }

    /**
     * The id of the event being written: the job and the sequence number of the last logged event
     * sent. {@code connected} and {@code stream-timeout} carry it too, so every event has an id and
     * resuming from any of them neither skips nor repeats.
     */
    private String id() {
        return jobId + ":" + lastSeq;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
