package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobRequestCodecTest {
    private static final String SPEC_BODY = """
            {
              "topic": { "title": "Sourdough for beginners", "subheader": "From starter to loaf",
                         "targetAudience": "home bakers" },
              "businessInfo": { "businessType": "Bakery", "targetAudience": "locals", "industry": "food",
                                "userId": "u-1" },
              "organizationId": "4b1e6f0c-0000-4000-8000-000000000001",
              "additionalInstructions": null,
              "options": {
                "includeVisuals": true, "autoSave": false, "status": "draft",
                "preloadedTweets": [{"url": "https://x.com/a/1", "author": "Ann", "handle": "@ann", "text": "Feed it"}],
                "preloadedArticles": [{"url": "https://news.example/a", "title": "Bread boom",
                                       "source": {"name": "The Crumb"}, "publishedAt": "2026-10-01T08:00:00Z"}],
                "preloadedVideos": [],
                "skipSEOAnalysis": false
              },
              "ctas": [ { "text": "Book a class", "href": "https://bakery.example/classes", "type": "primary",
                          "placement": "end-of-post" }, { "href": "https://no-text.example" } ],
              "clientVersion": "ignored"
            }
            """;

    @Test
    void readsTheSpecsCreateJobBody() {
        JobRequest request = JobRequestCodec.decode(SPEC_BODY);
        assertThat(request.topic().title()).isEqualTo("Sourdough for beginners");
        assertThat(request.businessInfo().userId()).isEqualTo("u-1");
        assertThat(request.additionalInstructions()).isNull();
        assertThat(request.options().autoSave()).isFalse();
        assertThat(request.options().includeVisuals()).isTrue();
        assertThat(request.embeds().tweets()).hasSize(1);
        assertThat(request.embeds().articles().getFirst().sourceName()).isEqualTo("The Crumb");
        assertThat(request.ctas()).hasSize(2);
        assertThat(request.ctas().getFirst().placement()).isEqualTo("end-of-post");
        assertThat(request.problems()).containsExactly(
                new FieldProblem("ctas[1].text", "Call to action 2 has no text. Add the text or remove it."));
    }

    @Test
    void absentOptionsMeanVisualsAndAutoSaveOn() {
        JobRequest request = JobRequestCodec.decode("""
                {"topic": {"title": "T"}, "businessInfo": {}, "organizationId": "o", "options": {"status": ""}}""");
        assertThat(request.options().includeVisuals()).isTrue();
        assertThat(request.options().autoSave()).isTrue();
        assertThat(request.options().status()).isEqualTo("draft");
        assertThat(request.problems()).isEmpty();
    }

    @Test
    void roundTripsThroughItsOwnEncoding() {
        JobRequest request = JobRequestCodec.decode(SPEC_BODY);
        assertThat(JobRequestCodec.decode(JobRequestCodec.encode(request))).isEqualTo(request);
    }

    @Test
    void aStringTopicIsItsTitle() {
        assertThat(JobRequestCodec.decode("{\"topic\": \"Rye bread\"}").topic().title()).isEqualTo("Rye bread");
    }

    @Test
    void aWronglyTypedFieldIsRefusedByName() {
        for (String[] c : new String[][] {
                {"{\"topic\": 42}", "topic"},
                {"{\"businessInfo\": \"x\"}", "businessInfo"},
                {"{\"organizationId\": {}}", "organizationId"},
                {"{\"ctas\": {\"text\": \"Book\"}}", "ctas"},
                {"{\"ctas\": [\"Book\"]}", "ctas[0]"},
                {"{\"options\": {\"preloadedTweets\": \"none\"}}", "options.preloadedTweets"},
                {"{\"options\": {\"autoSave\": 0}}", "options.autoSave"},
                {"{\"options\": {\"wordCountTarget\": \"long\"}}", "options.wordCountTarget"},
                {"{\"options\": {\"wordCountTarget\": 1200.5}}", "options.wordCountTarget"},
                {"{\"topic\": {\"keywords\": [1]}}", "topic.keywords"}}) {
            assertThatThrownBy(() -> JobRequestCodec.decode(c[0])).as(c[0]).isInstanceOf(WireFormatException.class)
                    .hasMessageContaining(c[1] + " must be")
                    .satisfies(e -> assertThat(((WireFormatException) e).field()).isEqualTo(c[1]));
        }
    }

    @Test
    void nullsReadAsAbsentAndTextFlagsAreTaken() {
        JobRequest request = JobRequestCodec.decode("{\"topic\": null, \"ctas\": null, \"options\": "
                + "{\"autoSave\": \"false\", \"preloadedTweets\": null}}");
        assertThat(request.topic()).isNull();
        assertThat(request.options().autoSave()).isFalse();
        assertThat(request.ctas()).isEmpty();
    }

    @Test
    void bytesAfterTheJsonValueAreMalformed() {
        assertThatThrownBy(() -> JobRequestCodec.decode("{\"topic\": \"Rye\"} {}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("not valid JSON");
        assertThat(JobRequestCodec.decode("{\"topic\": \"Rye\"}\n  ").topic().title()).isEqualTo("Rye");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> JobRequestCodec.decode("{\n  \"topic\": {\"title\": \"T\",}\n}"))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("The brief is not valid JSON (line 2, column");
        assertThatThrownBy(() -> JobRequestCodec.decode("[1]"))
                .hasMessageStartingWith("The brief must be a JSON object");
    }

    @Test
    void refusesATenMegabyteBodyWithoutReadingItAll() throws Exception {
        long[] served = {0};
        long size = 10L * 1024 * 1024;
        byte[] head = "{\"additionalInstructions\": \"".getBytes(StandardCharsets.UTF_8);
        // An endless-looking stream: the codec must stop after its limit, not buffer 10 MB.
        InputStream tenMegabytes = new InputStream() {
            @Override
            public int read() {
                if (served[0] >= size) return -1;
                return served[0] < head.length ? head[(int) served[0]++] : (++served[0] > 0 ? 'x' : 0);
            }
        };
        assertThatThrownBy(() -> JobRequestCodec.decode(tenMegabytes))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("The brief is larger than the limit of 2.0 MB. Make it shorter.");
        assertThat(served[0]).isLessThanOrEqualTo(JobRequestCodec.MAX_BYTES + 1L);
    }

    @Test
    void aLongFieldUnderTheBodyLimitIsReadAndThenRefusedByValidation() throws Exception {
        String body = "{\"topic\": {\"title\": \"T\"}, \"businessInfo\": {}, \"organizationId\": \"o\","
                + " \"additionalInstructions\": \"" + "y".repeat(25_000) + "\"}";
        JobRequest request = JobRequestCodec.decode(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(request.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(
                        "Shorten the additional instructions to 20,000 characters or fewer (now 25,000)."));
    }

    @Test
    void theWordCountTargetTravelsAndIsCheckedAgainstTheSdksBounds() {
        JobRequest request = JobRequestCodec.decode("""
                {"topic": {"title": "T"}, "businessInfo": {}, "organizationId": "o", "options": {"wordCountTarget": 1200}}""");
        assertThat(request.options().wordCountTarget()).isEqualTo(1200);
        assertThat(JobRequestCodec.decode(JobRequestCodec.encode(request))).isEqualTo(request);
        JobRequest tooShort = JobRequestCodec.decode("""
                {"topic": {"title": "T"}, "businessInfo": {}, "organizationId": "o", "options": {"wordCountTarget": 99}}""");
        assertThat(tooShort.problems()).extracting(p -> p.field()).containsExactly("options.wordCountTarget");
    }
}
