package dev.postwright.server;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.SseFrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Moves one job's logged events from its subscription onto an open response, for both APIs'
 * streams: events that arrive together are written in one write, an idle stream gets
 * {@code : keepalive} comments, and a stream older than its maximum age ends. What each event
 * looks like on the wire is the stream's own business ({@link Frames}). Runs on the request's
 * (virtual) thread; {@link #end()} may be called from any thread.
 */
final class StreamPump {
    /** What a stream sends, event by event. */
    interface Frames {
        /** The frame for one logged event, or "" to send nothing for it. */
        String frame(LoggedEvent event);

        /** True when the stream ends with {@code event}, before the subscription says so itself. */
        boolean endsWith(LoggedEvent event);

        /** Sent when the stream's age runs out ("" for nothing), just before it ends. */
        String ageOut();
    }

    /** Put in the inbox to end the stream: the job ended, or the server is stopping. */
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final ServeSettings settings;
    private final Duration maxAge;

    /** A pump whose streams live {@link ServeSettings#streamMaxAge()}. */
    StreamPump(ServeSettings settings) {
        this(settings, settings.streamMaxAge());
    }

    /** A pump whose streams live {@code maxAge}, with the settings' keepalive. */
    StreamPump(ServeSettings settings, Duration maxAge) {
        this.settings = settings;
        this.maxAge = maxAge;
    }

    /** Ends the stream soon (server shutdown). */
    void end() {
        inbox.add(END);
    }

    /** Streams the job's events after {@code afterSeq} until it ends, ages out, {@link #end} or the client leaves. */
    void run(JobQueue queue, String jobId, long afterSeq, OutputStream out, Frames frames) throws IOException {
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
            pump(out, frames);
        } finally {
            subscription.close();
        }
    }

    private void pump(OutputStream out, Frames frames) throws IOException {
        long deadline = System.nanoTime() + maxAge.toNanos();
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
                    String last = frames.ageOut();
                    if (!last.isEmpty()) write(out, last);
                    return;
                }
                write(out, SseFrameWriter.comment("keepalive"));
                nextKeepalive = System.nanoTime() + settings.keepalive().toNanos();
                continue;
            }
            batch.clear();
            batch.add(first);
            inbox.drainTo(batch);
            var text = new StringBuilder();
            boolean ended = false;
            for (Object item : batch) {
                if (item == END) {
                    ended = true;
                    break;
                }
                var logged = (LoggedEvent) item;
                text.append(frames.frame(logged));
                if (frames.endsWith(logged)) {
                    ended = true;
                    break;
                }
            }
            if (!text.isEmpty()) write(out, text.toString());
            if (ended) return;
            nextKeepalive = System.nanoTime() + settings.keepalive().toNanos();
        }
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
