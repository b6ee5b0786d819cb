package dev.postwright.server;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.SseFrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Blog SDK stream (job-stream-protocol.md §2.2) of a job just queued: unnamed {@code data:}
 * messages, the first {@code queued} with the job id, then one per logged event the SDK has a
 * stage for ({@link BlogSdkCodec#stageOf}), the last {@code completed} with the result or
 * {@code error}, after which the response ends. No ids (the SDK has none; a client that loses the
 * stream polls the job). Beyond the SDK: {@code : keepalive} comment lines while the job is silent,
 * which line-splitting clients skip, so proxies and the connection's idle timeout do not cut a
 * long generation; at the stream's maximum age the response ends without a last message, as the
 * SDK's own times out. Runs on the request's (virtual) thread.
 */
final class BlogSdkStream {
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final String jobId;
    private final ServeSettings settings;
    private int reached;

    BlogSdkStream(String jobId, ServeSettings settings) {
        this.jobId = jobId;
        this.settings = settings;
    }

    /** Ends the stream soon (server shutdown); safe from any thread. */
    void end() {
        inbox.add(END);
    }

    /** Streams until the job ends, the stream's age runs out, {@link #end} or the client leaves. */
    void run(JobQueue queue, Instant queuedAt, OutputStream out) throws IOException {
        write(out, SseFrameWriter.event(null, null, BlogSdkCodec.queuedMessage(jobId, queuedAt)));
        var subscription = queue.subscribe(jobId, 0, new JobEventListener() {
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
                if (System.nanoTime() - deadline >= 0) return;
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
                String message = BlogSdkCodec.streamMessage(jobId, logged.event(), logged.at(), reached);
                if (message == null) continue;
                reached = Math.max(reached, switch (logged.event()) {
                    case JobEvent.ProgressUpdate p -> p.progress();
                    case JobEvent.StepChange s -> s.progress();
                    default -> 0;
                });
                frames.append(SseFrameWriter.event(null, null, message));
                if (logged.event().isTerminal()) ended = true;
            }
            if (!frames.isEmpty()) write(out, frames.toString());
            if (ended) return;
            nextKeepalive = System.nanoTime() + settings.keepalive().toNanos();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
