package dev.postwright.wire;

import dev.postwright.model.FieldProblem;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Blog SDK's image routes (job-stream-protocol.md §2.1, §2.3) as {@code postwright serve}
 * speaks them: the image request, alone or in a batch, as image jobs of a size the server's maker
 * draws ({@link BlogSdkImageRequests}); and back, the queued and batch replies, the stream's stage
 * messages, the image result and the job ({@link BlogSdkImageReplies}). Errors keep
 * {@link BlogSdkCodec}'s shapes ({@code detail}, 422 lists of {@link BlogSdkCodec.Problem}).
 * docs/protocol-notes.md has the tables.
 */
public final class BlogSdkImages {
    /** The most images one batch may ask for. */
    public static final int MAX_BATCH = BlogSdkImageRequests.MAX_BATCH;

    /**
     * What the server's image maker draws, as the request reader needs it (the {@code images}
     * package itself is not the wire's to know).
     */
    public interface Maker {
        /** Whether the maker draws a picture of this size. */
        boolean accepts(int width, int height);

        /** The sizes it draws, as a clause: "the offline maker draws 1200x630 … images". */
        String sizeRule();

        /**
         * Whether it reads the prompt as a description (an image model), so {@code style} and
         * {@code negative_prompt} are told to it; false for the offline maker, whose card shows the
         * prompt as its headline.
         */
        boolean readsPrompts();
    }

    /** One request read: the job to queue, and whether it is a draft ({@code is_draft}). */
    public record Entry(ImageJobRequest request, boolean draft) {}

    /**
     * A body read: the requests (one, or a batch's in order) and the batch's workflow; or a
     * refusal of the batch's size (a 400 with this sentence), or the problems (a 422). Never more
     * than one of the three.
     */
    public record Parsed(List<Entry> entries, String workflow, String refusal, List<BlogSdkCodec.Problem> problems) {
        public boolean accepted() {
            return refusal == null && problems.isEmpty();
        }
    }

    private BlogSdkImages() {}

    /** A body of {@code POST /api/v1/images/generate} (or {@code /generate-async}, {@code /generate/stream}). */
    public static Parsed request(byte[] body, String user, Maker maker) {
        return BlogSdkImageRequests.one(body, user, maker);
    }

    /** A body of {@code POST /api/v1/images/batch-generate}: every entry checked before any is returned. */
    public static Parsed batch(byte[] body, String user, Maker maker) {
        return BlogSdkImageRequests.batch(body, user, maker);
    }

    /** The queue's refusals of a request, named by the SDK's fields ({@code at} the request's place, e.g. {@code ["body"]}). */
    public static List<BlogSdkCodec.Problem> requestProblems(List<Object> at, List<FieldProblem> problems) {
        return problems.stream().map(p -> {
            var loc = new ArrayList<>(at);
            loc.add(p.field().equals("altText") ? "prompt" : p.field());
            return new BlogSdkCodec.Problem("value_error", loc, p.message());
        }).toList();
    }

    /** {@code {job_id, status: "queued", message, estimated_completion_time: null, is_draft}}. */
    public static String queued(String jobId, boolean draft) {
        return Json.write(BlogSdkImageReplies.queued(jobId, draft));
    }

    /** {@code {batch_id, job_ids, status: "queued", total_images, estimated_completion_time: null}}. */
    public static String batchQueued(String batchId, List<String> jobIds) {
        return Json.write(BlogSdkImageReplies.batch(batchId, jobIds));
    }

    /** The first stream message: the job is queued, and its id. */
    public static String queuedMessage(String jobId, Instant at) {
        return Json.write(BlogSdkReplies.messageNode(BlogSdkCodec.QUEUED, 0, at, "Image job queued", jobId,
                BlogSdkCodec.QUEUED));
    }

    /**
     * The stream message for a logged event of an image job, or null when the SDK has none for it;
     * {@code reached} is the progress the job had reached, which an error message keeps.
     */
    public static String streamMessage(String jobId, JobEvent event, Instant at, int reached) {
        var node = BlogSdkImageReplies.message(jobId, event, at, reached);
        return node == null ? null : Json.write(node);
    }

    /** {@code GET /api/v1/images/jobs/{id}}: the job, its log ({@code log}, oldest first) giving its stage. */
    public static String job(JobStatus status, List<BlogSdkCodec.Logged> log, boolean draft) {
        return Json.write(BlogSdkImageReplies.job(status, log, draft));
    }
}
