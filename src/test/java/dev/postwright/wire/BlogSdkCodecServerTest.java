package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server direction of the Blog SDK codec: its request as our brief, our events as its stages. */
class BlogSdkCodecServerTest {
    private static BlogSdkCodec.Parsed parse(String json) {
        return BlogSdkCodec.brief(json.getBytes(StandardCharsets.UTF_8), "alice");
    }

    @Test
    void theSdkFieldsLandInTheBriefAndWhatItHasNoFieldForInItsInstructions() {
        var parsed = parse("{\"topic\": \" Sourdough at home \", \"keywords\": [\"sourdough\", \"levain\"], "
                + "\"target_audience\": \"home bakers\", \"tone\": \"Friendly\", \"length\": \"long\", "
                + "\"word_count_target\": 1500, \"blog_type\": \"how_to\", \"custom_instructions\": \"Mention rye.\", "
                + "\"internal_link_targets\": [{\"title\": \"Kit\", \"url\": \"https://b.example/kit\"}], "
                + "\"max_internal_links\": \"3\", \"async_mode\": \"false\", \"some_flag\": true}");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.asyncMode()).isFalse();
        JobRequest brief = parsed.brief();
        assertThat(brief.topic().title()).isEqualTo("Sourdough at home");
        assertThat(brief.topic().focusKeyphrase()).isEqualTo("sourdough");
        assertThat(brief.topic().keywords()).containsExactly("levain");
        assertThat(brief.topic().targetAudience()).isEqualTo("home bakers");
        assertThat(brief.businessInfo().targetAudience()).isEqualTo("home bakers");
        assertThat(brief.organizationId()).isEqualTo("alice");
        assertThat(brief.additionalInstructions()).isEqualTo("""
                Write in a friendly tone.

                Make it a how-to post.

                Link to these pages of the site where they fit (at most 3): Kit (https://b.example/kit).

                Mention rye.""");
        assertThat(brief.options().wordCountTarget()).isEqualTo(1500); // the number wins over the length
        assertThat(brief.isValid()).isTrue();
    }

    @Test
    void aLengthWithoutANumberIsTheTargetItStandsFor() {
        for (String length : java.util.List.of("short", "medium", "long", "extended")) {
            var brief = parse("{\"topic\": \"Bread\", \"keywords\": [\"bread\"], \"length\": \"" + length + "\"}").brief();
            assertThat(brief.options().lengthName()).isEqualTo(length);
        }
        assertThat(parse("{\"topic\": \"Bread\", \"keywords\": [\"bread\"]}").brief().options().wordCountTarget())
                .isNull();
    }

    @Test
    void aMinimalRequestIsAValidBriefWithoutInstructions() {
        var parsed = parse("{\"topic\": \"Bread\", \"keywords\": [\"bread\"]}");
        assertThat(parsed.brief().additionalInstructions()).isNull();
        assertThat(parsed.asyncMode()).isNull();
        assertThat(parsed.brief().isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"keywords\": [\"k\"]}                                  | topic                 | missing",
            "{\"topic\": 5, \"keywords\": [\"k\"]}                    | topic                 | string_type",
            "{\"topic\": \"Bread\", \"keywords\": []}                 | keywords              | too_short",
            "{\"topic\": \"Bread\", \"keywords\": \"bread\"}          | keywords              | list_type",
            "{\"topic\": \"Bread\", \"keywords\": [\"k\"], \"length\": \"huge\"}            | length | enum",
            "{\"topic\": \"Bread\", \"keywords\": [\"k\"], \"word_count_target\": 20000}     | word_count_target | less_than_equal",
            "{\"topic\": \"Bread\", \"keywords\": [\"k\"], \"max_internal_links\": \"two\"}  | max_internal_links | int_parsing",
            "{\"topic\": \"Bread\", \"keywords\": [\"k\"], \"max_internal_links\": 2.5}    | max_internal_links | int_from_float",
            "{\"topic\": \"Bread\", \"keywords\": [\"k\"], \"async_mode\": \"maybe\"}        | async_mode | bool_parsing",
            "[1]                                                      | body                  | model_attributes_type",
    })
    void eachRefusalNamesItsFieldAsFastApiDoes(String json, String field, String type) {
        var parsed = parse(json);
        assertThat(parsed.brief()).isNull();
        var first = parsed.problems().getFirst();
        assertThat(first.loc().getLast()).isEqualTo(field);
        assertThat(first.type()).isEqualTo(type);
        String body = BlogSdkCodec.validationError(parsed.problems());
        assertThat(BlogSdkCodec.problems(body).getFirst().field()).isEqualTo(field); // the client reads it back
    }

    @ParameterizedTest
    @CsvSource({"context, initialization", "outline, research_outline", "draft, draft_generation",
            "metadata, seo_polish", "visuals, enhancement", "seo, quality_scoring", "save, finalization"})
    void ourStagesShowAsTheSdkStagesOfTheTable(String ours, String sdk) {
        Stage stage = java.util.Arrays.stream(Stage.values()).filter(s -> s.id().equals(ours)).findFirst().orElseThrow();
        var update = new JobEvent.ProgressUpdate(stage.progress(), stage.step(), null, stage.wireName(), null, null);
        assertThat(BlogSdkCodec.stageOf(update)).isEqualTo(sdk);
        assertThat(BlogSdkCodec.STAGES).contains(sdk);
    }

    @Test
    void retryNoticesAreProcessingAndTheClosingHundredAndPartialResultsHaveNoMessage() {
        assertThat(BlogSdkCodec.stageOf(new JobEvent.ProgressUpdate(40, "Retrying", 5, "retry-wait", null, null)))
                .isEqualTo("processing");
        assertThat(BlogSdkCodec.streamMessage("j", new JobEvent.ProgressUpdate(100, "Done", 0, Stage.COMPLETED, null,
                null), Instant.EPOCH, 95)).isNull();
        assertThat(BlogSdkCodec.streamMessage("j", new JobEvent.DraftDelta(1, "x"), Instant.EPOCH, 30)).isNull();
        String error = BlogSdkCodec.streamMessage("j", new JobEvent.Failed("Quota", "X"), Instant.ofEpochSecond(7), 40);
        assertThat(error).isEqualTo("{\"stage\":\"error\",\"progress\":40.0,\"timestamp\":7.0,\"message\":\"Quota\","
                + "\"job_id\":\"j\",\"status\":\"failed\",\"data\":{\"error\":\"Quota\",\"error_details\":\"X\"}}");
    }
}
