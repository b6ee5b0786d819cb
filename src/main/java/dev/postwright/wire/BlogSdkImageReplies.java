package dev.postwright.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.ImageStage;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.Stage;
import dev.postwright.model.StoredImage;
import java.time.Instant;
import java.util.List;

/**
 * What {@code serve} writes on the Blog SDK's image routes ({@link BlogSdkImages}): replies, stage
 * messages, the image result and the job. The stages are {@link ImageStage}'s wire names, which are
 * the SDK's ({@code processing}, {@code generating}, {@code uploading}), then {@code completed} or
 * {@code error}.
 */
final class BlogSdkImageReplies {
    static final String FAILED = "failed";

    private BlogSdkImageReplies() {}

    static ObjectNode queued(String jobId, boolean draft) {
        return Json.object().put("job_id", jobId).put("status", BlogSdkCodec.QUEUED)
                .put("message", "Image generation job queued. Follow it at GET /api/v1/images/jobs/" + jobId + ".")
                .putNull("estimated_completion_time").put("is_draft", draft);
    }

    static ObjectNode batch(String batchId, List<String> jobIds) {
        ObjectNode out = Json.object().put("batch_id", batchId);
        var ids = out.putArray("job_ids");
        jobIds.forEach(ids::add);
        return out.put("status", BlogSdkCodec.QUEUED).put("total_images", jobIds.size())
                .putNull("estimated_completion_time");
    }

    /** The SDK stage a logged event of an image job is shown as; null for none (results before the end). */
    static String stageOf(JobEvent event) {
        return switch (event) {
            case JobEvent.ProgressUpdate p -> p.stage() == null ? BlogSdkCodec.PROCESSING
                    : p.stage().equals(Stage.COMPLETED) ? null // the completed message follows at once
                    : ImageStage.ofWireName(p.stage()).map(ImageStage::wireName).orElse(BlogSdkCodec.PROCESSING);
            case JobEvent.StepChange s -> BlogSdkCodec.PROCESSING;
            case JobEvent.Complete c -> BlogSdkCodec.COMPLETED;
            case JobEvent.Failed f -> BlogSdkCodec.ERROR;
            case JobEvent.Connected c -> null;
            case JobEvent.ContextResult c -> null;
            case JobEvent.BlogResult b -> null;
            case JobEvent.VisualsResult v -> null;
            case JobEvent.ImagesResult i -> null;
            case JobEvent.SeoResult s -> null;
            case JobEvent.StreamTimeout t -> null;
            case JobEvent.DraftDelta d -> null;
            case JobEvent.DraftReset r -> null;
        };
    }

    static ObjectNode message(String jobId, JobEvent event, Instant at, int reached) {
        String stage = stageOf(event);
        if (stage == null) return null;
        return switch (event) {
            case JobEvent.ProgressUpdate p -> BlogSdkReplies.messageNode(stage, Math.max(p.progress(), reached), at,
                    p.currentStep(), jobId, BlogSdkCodec.PROCESSING);
            case JobEvent.StepChange s -> BlogSdkReplies.messageNode(stage, Math.max(s.progress(), reached), at,
                    s.currentStep(), jobId, BlogSdkCodec.PROCESSING);
            case JobEvent.Complete c -> {
                ObjectNode node = BlogSdkReplies.messageNode(stage, 100, at, "Image generation completed", jobId,
                        BlogSdkCodec.COMPLETED);
                node.putObject("data").set("result", result(c.result()));
                yield node;
            }
            case JobEvent.Failed f -> {
                ObjectNode node = BlogSdkReplies.messageNode(stage, reached, at, "Image generation failed: " + f.error(),
                        jobId, FAILED);
                ObjectNode data = node.putObject("data").put("error", f.error());
                if (f.errorCode() != null) data.put("error_details", f.errorCode());
                yield node;
            }
            default -> null;
        };
    }

    /**
     * The image result: {@code {success, images: [{image_id, image_url, width, height, format}],
     * generation_time_seconds, provider, prompt_used}}. {@code image_url} is {@code serve}'s route of
     * the bytes (the owner's token is needed to read them); {@code image_data} is not sent.
     */
    static ObjectNode result(JobResult r) {
        ObjectNode out = Json.object().put("success", !r.images().isEmpty());
        var images = out.putArray("images");
        for (StoredImage i : r.images()) {
            images.addObject().put("image_id", i.id()).put("image_url", ImageCodec.url(i.id())).put("width", i.width())
                    .put("height", i.height()).put("format", format(i.mediaType()));
        }
        Long millis = r.metadata() == null ? null : r.metadata().generationTimeMillis();
        out.put("generation_time_seconds", millis == null ? 0.0 : millis / 1000.0);
        StoredImage first = r.images().isEmpty() ? null : r.images().getFirst();
        Fields.put(out, "provider", first == null ? null : first.source());
        Fields.put(out, "prompt_used", first == null ? null : first.prompt());
        return out;
    }

    /** {@code image/png} → {@code png}. */
    private static String format(String mediaType) {
        int slash = mediaType == null ? -1 : mediaType.indexOf('/');
        return slash < 0 ? "png" : mediaType.substring(slash + 1);
    }

    /** {@code GET /api/v1/images/jobs/{id}}. */
    static ObjectNode job(JobStatus status, List<BlogSdkCodec.Logged> log, boolean draft) {
        String stage = BlogSdkCodec.QUEUED;
        Instant started = null;
        for (BlogSdkCodec.Logged logged : log) {
            String s = stageOf(logged.event());
            if (started == null && s != null && !s.equals(BlogSdkCodec.QUEUED)) started = logged.at();
            if (s != null) stage = s;
        }
        // The end is in the status even when the log that told it was pruned.
        if (status.state() == JobState.SUCCEEDED) stage = BlogSdkCodec.COMPLETED;
        else if (status.state() == JobState.FAILED
                || status.state() == JobState.CANCELLED) stage = BlogSdkCodec.ERROR;
        String state = switch (status.state()) {
            case QUEUED -> BlogSdkCodec.QUEUED;
            case RUNNING -> BlogSdkCodec.PROCESSING;
            case SUCCEEDED -> BlogSdkCodec.COMPLETED;
            case FAILED, CANCELLED -> FAILED;
        };
        ObjectNode out = Json.object().put("job_id", status.jobId()).put("status", state)
                .put("progress_percentage", (double) status.progress()).put("current_stage", stage);
        if (status.result() != null) out.set("result", result(status.result()));
        if (status.error() != null) out.put("error_message", status.error());
        if (status.errorCode() != null && status.error() != null) out.put("error_details", status.errorCode());
        out.put("is_draft", draft);
        out.put("created_at", status.createdAt().toString());
        if (started != null) out.put("started_at", started.toString());
        if (status.finishedAt() != null) out.put("completed_at", status.finishedAt().toString());
        return out;
    }
}
