package dev.postwright.server;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.BlogSdkImages;
import dev.postwright.wire.SseFrameWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * One Blog SDK stream (job-stream-protocol.md §2.2, §2.3) of a job just queued, a blog post's or an
 * image's: unnamed {@code data:} messages, the first {@code queued} with the job id, then one per
 * logged event the SDK has a stage for ({@link Messages}), the last {@code completed} with the
 * result or {@code error}, after which the response ends. No ids (the SDK has none; a client that
 * loses the stream polls the job). Beyond the SDK: {@code : keepalive} comment lines while the job
 * is silent, which line-splitting clients skip, so proxies and the connection's idle timeout do not
 * cut a long generation; at the stream's maximum age the response ends without a last message, as
 * the SDK's own times out. Runs on the request's (virtual) thread.
 */
final class BlogSdkStream implements StreamPump.Frames {
    /** The stage messages of one kind of job, as JSON text. */
    interface Messages {
        String queued(String jobId, Instant at);

        /** The message for a logged event, or null for none; {@code reached} is the progress sent so far. */
        String message(String jobId, JobEvent event, Instant at, int reached);
    }

    static final Messages BLOG = new Messages() {
        @Override
        public String queued(String jobId, Instant at) {
            return BlogSdkCodec.queuedMessage(jobId, at);
        }

        @Override
        public String message(String jobId, JobEvent event, Instant at, int reached) {
            return BlogSdkCodec.streamMessage(jobId, event, at, reached);
        }
    };

    static final Messages IMAGE = new Messages() {
        @Override
        public String queued(String jobId, Instant at) {
            return BlogSdkImages.queuedMessage(jobId, at);
        }

        @Override
        public String message(String jobId, JobEvent event, Instant at, int reached) {
            return BlogSdkImages.streamMessage(jobId, event, at, reached);
        }
    };

    private final String jobId;
    private final Messages messages;
    private final StreamPump pump;
    /** The highest progress sent, so no message steps back; touched only by the stream's thread. */
    private int reached;

    BlogSdkStream(String jobId, ServeSettings settings, Duration maxAge, Messages messages) {
        this.jobId = jobId;
        this.messages = messages;
        this.pump = new StreamPump(settings, maxAge);
    }

    /** Ends the stream soon (server shutdown); safe from any thread. */
    void end() {
        pump.end();
    }

    /** Streams until the job ends, the stream's age runs out, {@link #end} or the client leaves. */
    void run(JobQueue queue, Instant queuedAt, OutputStream out) throws IOException {
        StreamPump.write(out, SseFrameWriter.event(null, null, messages.queued(jobId, queuedAt)));
        pump.run(queue, jobId, 0, out, this);
    }

    @Override
    public String frame(LoggedEvent logged) {
        String message = messages.message(jobId, logged.event(), logged.at(), reached);
        if (message == null) return "";
        reached = Math.max(reached, switch (logged.event()) {
            case JobEvent.ProgressUpdate p -> p.progress();
            case JobEvent.StepChange s -> s.progress();
            default -> 0;
        });
        return SseFrameWriter.event(null, null, message);
    }

    /** The SDK's stream ends with its {@code completed} or {@code error} message. */
    @Override
    public boolean endsWith(LoggedEvent logged) {
        return logged.event().isTerminal();
    }

    /** The SDK's own stream ends without a last message when it times out. */
    @Override
    public String ageOut() {
        return "";
    }
}
