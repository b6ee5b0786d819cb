package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.ImageQuality;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.StoredImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Blog SDK's image requests as image jobs, and serve's image replies and stage messages. */
class BlogSdkImagesTest {
    /** An image model that takes any size from 64 to 2048 and reads its prompts. */
    static final BlogSdkImages.Maker SERVER = maker(true, (w, h) -> true, "a server takes any size");
    /** The offline maker's three cards; its prompt is a headline. */
    static final BlogSdkImages.Maker CARDS = maker(false, (w, h) -> List.of("1200x630", "1080x1080", "1600x900")
            .contains(w + "x" + h), "the offline maker draws 1200x630, 1080x1080 and 1600x900 images");

    interface Sizes {
        boolean accepts(int width, int height);
    }

    static BlogSdkImages.Maker maker(boolean readsPrompts, Sizes sizes, String rule) {
        return new BlogSdkImages.Maker() {
            public boolean accepts(int width, int height) { return sizes.accepts(width, height); }
            public String sizeRule() { return rule; }
            public boolean readsPrompts() { return readsPrompts; }
        };
    }

    private static BlogSdkImages.Parsed one(String json, BlogSdkImages.Maker maker) {
        return BlogSdkImages.request(json.getBytes(StandardCharsets.UTF_8), "alice", maker);
    }

    @Test
    void anImageModelIsToldTheStyleAndWhatToLeaveOutWhileTheAltTextKeepsThePrompt() {
        var parsed = one("""
                {"prompt": "A loaf on a board", "style": "watercolor", "negative_prompt": "text, people",
                 "quality": "ultra", "seed": "7", "aspect_ratio": "16:9"}""", SERVER);
        assertThat(parsed.accepted()).isTrue();
        var request = parsed.entries().getFirst().request();
        assertThat(request.prompt()).isEqualTo("A loaf on a board. Style: watercolor. Leave out: text, people");
        assertThat(request.altText()).isEqualTo("A loaf on a board");
        assertThat(request.quality()).as("ultra reads as high").isEqualTo(ImageQuality.HIGH);
        assertThat(request.width() + "x" + request.height()).isEqualTo("1600x900");
        assertThat(request.organizationId()).isEqualTo("alice");
        assertThat(parsed.entries().getFirst().draft()).isFalse();
    }

    @Test
    void anOfflineCardKeepsThePromptAsItsHeadline() {
        var request = one("{\"prompt\": \"A loaf on a board\", \"style\": \"watercolor\"}", CARDS).entries().getFirst()
                .request();
        assertThat(request.prompt()).isEqualTo("A loaf on a board");
        assertThat(request.width() + "x" + request.height()).as("1:1 by default").isEqualTo("1080x1080");
    }

    @ParameterizedTest
    @CsvSource({"1:1, 1024x1024", "4:3, 1024x768", "16:9, 1600x900", "3:4, 768x1024", "2:3, 1024x1536",
            "21:9, 1680x720"})
    void eachAspectRatioPicksTheFirstOfItsSizesTheMakerDraws(String aspect, String size) {
        var request = one("{\"prompt\": \"A loaf\", \"aspect_ratio\": \"" + aspect + "\"}", SERVER).entries()
                .getFirst().request();
        assertThat(request.width() + "x" + request.height()).isEqualTo(size);
    }

    @Test
    void explicitSidesWinOverTheAspectRatio() {
        var request = one("{\"prompt\": \"A loaf\", \"aspect_ratio\": \"4:3\", \"width\": 1200, \"height\": 630}", CARDS)
                .entries().getFirst().request();
        assertThat(request.width() + "x" + request.height()).isEqualTo("1200x630");
    }

    @Test
    void everyProblemIsNamedAsTheSdkNamesIt() {
        var parsed = one("{\"prompt\": 5, \"quality\": \"best\", \"aspect_ratio\": \"5:4\", \"width\": 12.5, "
                + "\"height\": \"tall\", \"seed\": []}", CARDS);
        assertThat(parsed.problems()).extracting(p -> p.loc().getLast() + ":" + p.type()).containsExactly(
                "prompt:string_type", "aspect_ratio:enum", "quality:enum", "seed:int_type", "width:int_from_float",
                "height:int_parsing");
        assertThat(parsed.problems().get(2).msg()).isEqualTo("Input should be 'draft', 'high', 'standard', 'ultra'");
        assertThat(one("[1]", CARDS).problems()).extracting(BlogSdkCodec.Problem::type)
                .containsExactly("model_attributes_type");
        assertThat(one("{\"prompt\": ", CARDS).problems()).extracting(BlogSdkCodec.Problem::type)
                .containsExactly("json_invalid");
    }

    @Test
    void aBatchsDraftsAreDraftsOnlyUnderDraftThenFinal() {
        String images = "[{\"prompt\": \"One loaf\", \"quality\": \"draft\"}, {\"prompt\": \"Two loaves\"}]";
        var drafts = BlogSdkImages.batch(("{\"workflow\": \"draft_then_final\", \"images\": " + images + "}")
                .getBytes(StandardCharsets.UTF_8), "alice", CARDS);
        var finals = BlogSdkImages.batch(("{\"images\": " + images + "}").getBytes(StandardCharsets.UTF_8), "alice",
                CARDS);
        assertThat(drafts.entries()).extracting(BlogSdkImages.Entry::draft).containsExactly(true, false);
        assertThat(finals.entries()).extracting(BlogSdkImages.Entry::draft).containsExactly(false, false);
        assertThat(finals.workflow()).isEqualTo("final_only");
        assertThat(one("{\"prompt\": \"One loaf\", \"quality\": \"draft\"}", CARDS).entries().getFirst().draft()).isTrue();
        var missing = BlogSdkImages.batch("{\"workflow\": \"final_only\"}".getBytes(StandardCharsets.UTF_8), "alice",
                CARDS);
        assertThat(missing.problems()).extracting(p -> p.loc().toString()).containsExactly("[body, images]");
    }

    @Test
    void theStagesAreTheImageJobsOwnAndTheResultCarriesTheRouteOfItsBytes() {
        Instant at = Instant.parse("2026-12-02T07:00:00Z");
        var image = new StoredImage("img-1", null, "job-1", "inline", "A loaf", "A loaf", "image/png", 1080, 1080, 2048,
                "offline", "ab12", at);
        var result = JobResult.ofImages(List.of(image), 1_500);
        assertThat(Json.parse(BlogSdkImages.streamMessage("job-1", new JobEvent.ProgressUpdate(35, "Making the picture",
                null, "generating", null, null), at, 20), "m").get("stage").asText()).isEqualTo("generating");
        assertThat(BlogSdkImages.streamMessage("job-1", new JobEvent.ProgressUpdate(100, "Done", 0, "completed", null,
                null), at, 80)).as("the completed message follows at once").isNull();
        assertThat(BlogSdkImages.streamMessage("job-1", new JobEvent.ImagesResult(List.of(image)), at, 80)).isNull();
        var failed = Json.parse(BlogSdkImages.streamMessage("job-1", new JobEvent.Failed("No server", "UNREACHABLE"), at,
                35), "m");
        assertThat(failed.get("stage").asText()).isEqualTo("error");
        assertThat(failed.get("progress").asDouble()).as("keeps what the job reached").isEqualTo(35.0);
        assertThat(failed.at("/data/error").asText()).isEqualTo("No server");
        assertThat(failed.at("/data/error_details").asText()).isEqualTo("UNREACHABLE");

        var done = Json.parse(BlogSdkImages.streamMessage("job-1", new JobEvent.Complete(result), at, 80), "m");
        assertThat(done.at("/data/result").toString()).isEqualTo("{\"success\":true,\"images\":[{\"image_id\":\"img-1\","
                + "\"image_url\":\"/api/v1/images/img-1/file\",\"width\":1080,\"height\":1080,\"format\":\"png\"}],"
                + "\"generation_time_seconds\":1.5,\"provider\":\"offline\",\"prompt_used\":\"A loaf\"}");

        var status = new JobStatus("job-1", JobState.FAILED, 35, null, null, "No server", "UNREACHABLE", null, at, at, 1,
                "alice", "A loaf", at.plusSeconds(2), JobKind.IMAGE);
        var job = Json.parse(BlogSdkImages.job(status, List.of(), false), "job");
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("current_stage").asText()).isEqualTo("error");
        assertThat(job.get("error_message").asText()).isEqualTo("No server");
        assertThat(job.get("completed_at").asText()).isEqualTo("2026-12-02T07:00:02Z");
        assertThat(job.has("started_at")).isFalse();
    }
}
