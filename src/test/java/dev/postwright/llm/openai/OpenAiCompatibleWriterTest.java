package dev.postwright.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.Brief;
import dev.postwright.model.Outline;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Cta;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Topic;
import dev.postwright.model.Tweet;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against a loopback server replaying what Ollama, LM Studio, llama.cpp, vLLM and OpenAI send. */
class OpenAiCompatibleWriterTest {
    static final String DRAFT = "# Sourdough Bread: A Guide\n\nSourdough bread rewards patience.";
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient();
    private final CancellationToken token = new CancellationToken();
    private final Brief brief = Brief.of(new JobRequest(new Topic("Sourdough for beginners", null, "home bakers",
            "sourdough bread", List.of("starter")), new BusinessInfo("Bakery", null, "food", null), "org-1",
            "Mention our Saturday classes.", JobOptions.DEFAULTS,
            List.of(new Cta("Book a class", "https://crumb.example/classes", "primary", "end-of-post")),
            new Embeds(List.of(new Tweet("https://x.com/a/1", "Ann", "ann", "Feed it daily", null, null, false)),
                    List.of(), List.of())),
            new OrganizationProfile("org-1", "Crumb & Co", null, null, null, "warm, plain-spoken, no jargon",
                    List.of(), List.of()));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private ModelServer model() {
        return ModelServer.of(server.url("/v1").toString(), "llama3.1:8b").withReadTimeout(Duration.ofSeconds(5));
    }

    private OpenAiCompatibleWriter writer(ModelServer model) {
        return new OpenAiCompatibleWriter(model, client);
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    static MockResponse reply(String text) {
        return ChatReplies.streamed(text);
    }

    private static String transcript(String name) throws IOException {
        try (InputStream in = OpenAiCompatibleWriterTest.class.getResourceAsStream("transcripts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Outline outline() {
        return new Outline("Sourdough Bread: A Guide", "guide", List.of(new Outline.Section("What it is", List.of("a"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ollama.sse, 426", "openai.sse, 395", "lmstudio.sse, 0", "llamacpp.sse, 316", "vllm.sse, 365",
            "malformed.sse, 0"})
    void streamsTheDraftInTheShapeEachServerSends(String transcript, long tokens) throws Exception {
        server.enqueue(sse(transcript(transcript)));
        List<String> deltas = new ArrayList<>();
        var draft = writer(model()).draft(brief, outline(), deltas::add, token);
        assertThat(draft.markdown()).isEqualTo(DRAFT);
        assertThat(String.join("", deltas)).isEqualTo(DRAFT);
        assertThat(deltas).hasSize(4);
        assertThat(draft.tokensUsed()).isEqualTo(tokens);
    }

    @Test
    void theRequestIsAStreamingChatCompletionWithTheBrandVoiceAndInstructions() throws Exception {
        server.enqueue(reply(DRAFT));
        writer(model().withApiKey("sk-secret-123")).draft(brief, outline(), text -> { }, token);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-secret-123");
        JsonNode body = Json.parse(request.getBody().utf8(), "request");
        assertThat(body.get("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).contains("warm, plain-spoken, no jargon");
        String user = body.at("/messages/1/content").asText();
        assertThat(user).contains("Mention our Saturday classes.").contains("[TWEET:0]").doesNotContain("[TWEET:1]")
                .contains("\"Book a class\" → https://crumb.example/classes, placement: end-of-post")
                .contains("sourdough bread");
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() throws Exception {
        server.enqueue(reply(DRAFT));
        writer(model()).draft(brief, outline(), text -> { }, token);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void structuredPartsAreFoundInFencedChattyReplies() throws Exception {
        server.enqueue(reply("Sure! Here is the outline you asked for:\n```json\n{\"title\": \"Sourdough Bread: {A} Guide\","
                + " \"kind\": \"guide\", \"sections\": [{\"heading\": \"What it is\", \"points\": [\"a\", \"b\"]},"
                + " {\"heading\": \"Feeding\", \"points\": []}]}\n```\nHope this helps!"));
        Outline outline = writer(model()).outline(brief, token);
        assertThat(outline.title()).isEqualTo("Sourdough Bread: {A} Guide");
        assertThat(outline.sections()).extracting(Outline.Section::heading).containsExactly("What it is", "Feeding");

        server.enqueue(reply("{\"visualContentSuggestions\": [{\"contentType\": \"chart\", \"title\": \"Rise\"}]}"));
        assertThat(writer(model()).visuals(brief, DRAFT, token)).singleElement()
                .satisfies(v -> assertThat(v.type()).isEqualTo("chart"));
    }

    @Test
    void anUnreadableReplyIsRepairedOnce() throws Exception {
        server.enqueue(reply("I'd be happy to help! The title could be Sourdough Bread 101."));
        server.enqueue(reply("{\"title\": \"Sourdough Bread 101\", \"metaDescription\": \"Learn sourdough bread.\", "
                + "\"tags\": [\"bread\"]}"));
        var meta = writer(model()).metadata(brief, outline(), DRAFT, token);
        assertThat(meta.title()).isEqualTo("Sourdough Bread 101");
        assertThat(meta.estimatedReadTime()).isEqualTo("1 min read");
        server.takeRequest();
        JsonNode repair = Json.parse(server.takeRequest().getBody().utf8(), "request");
        assertThat(repair.at("/messages/2/role").asText()).isEqualTo("assistant");
        assertThat(repair.at("/messages/3/content").asText()).contains("could not be read as JSON");
    }

    @Test
    void aReplyThatStaysUnreadableFailsClearly() {
        server.enqueue(reply("No JSON here."));
        server.enqueue(reply("Still none, sorry."));
        assertThatThrownBy(() -> writer(model()).outline(brief, token)).isInstanceOfSatisfying(JobFailure.class, f -> {
            assertThat(f.errorCode()).isEqualTo("BAD_MODEL_REPLY");
            assertThat(f.isTransient()).isFalse();
            assertThat(f.getMessage()).startsWith("The model's outline could not be read, even after asking it again");
        });
    }

    @ParameterizedTest(name = "HTTP {0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "401 | {\"error\": {\"message\": \"Incorrect API key provided: sk-secr***\"}}            | AUTH             | false",
            "404 | {\"error\": \"model 'llama3.1:8b' not found, try pulling it first\"}              | MODEL_NOT_FOUND  | false",
            "400 | {\"error\": {\"message\": \"This model's maximum context length is 8192 tokens\"}} | CONTEXT_TOO_LONG | false",
            "422 | {\"detail\": \"temperature must be at most 2\"}                                     | BAD_REQUEST      | false",
            "500 | {\"error\": \"out of memory\"}                                                      | SERVER_ERROR     | true",
            "503 | <html>Service Unavailable</html>                                                    | SERVER_ERROR     | true"})
    void eachHttpFailureHasItsOwnMessage(int status, String body, String code, boolean transientFailure) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(body).build());
        assertThatThrownBy(() -> writer(model().withApiKey("sk-secret-123")).draft(brief, outline(), t -> { }, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.errorCode()).isEqualTo(code);
                    assertThat(f.isTransient()).isEqualTo(transientFailure);
                    assertThat(f.getMessage()).doesNotContain("sk-secret-123");
                    if (status == 404) assertThat(f.getMessage()).contains("\"llama3.1:8b\"");
                });
    }

    @Test
    void aRateLimitHonoursRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{}").build());
        assertThatThrownBy(() -> writer(model()).draft(brief, outline(), t -> { }, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("RATE_LIMITED");
                    assertThat(f.isTransient()).isTrue();
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(f.getMessage()).contains("trying again in 7 s");
                });
    }

    @Test
    void aServerThatIsNotRunningIsNamed() throws Exception {
        String url = server.url("/v1").toString();
        server.close();
        assertThatThrownBy(() -> writer(ModelServer.of(url, "m")).draft(brief, outline(), t -> { }, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("UNREACHABLE");
                    assertThat(f.isTransient()).isTrue();
                    assertThat(f.getMessage()).startsWith("Cannot reach the model server at " + url.replaceAll("/$", ""));
                });
        assertThat(Failures.hint(ModelServer.of(ModelServer.OLLAMA_URL, "m")))
                .isEqualTo("Is Ollama running at http://localhost:11434?");
        assertThat(Failures.hint(ModelServer.of("http://127.0.0.1:1234/v1", "m")))
                .isEqualTo("Is LM Studio running at http://127.0.0.1:1234?");
    }

    @Test
    void aSilentServerTimesOut() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("").build());
        var impatient = model().withReadTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> writer(impatient).draft(brief, outline(), t -> { }, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.errorCode()).isEqualTo("TIMEOUT"));
    }

    @Test
    void aDisconnectMidDraftKeepsWhatArrivedAndIsTransient() {
        var body = new StringBuilder();
        for (int i = 0; i < 200; i++) body.append("data: {\"choices\":[{\"delta\":{\"content\":\"word").append(i)
                .append(" \"}}]}\n\n");
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body.toString())
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        List<String> deltas = new ArrayList<>();
        assertThatThrownBy(() -> writer(model()).draft(brief, outline(), deltas::add, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.errorCode()).isIn("DISCONNECTED", "NETWORK");
                    assertThat(f.isTransient()).isTrue();
                });
        assertThat(deltas).hasSizeLessThan(200);
    }

    @Test
    void aServerThatDoesNotStreamIsExplained() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body("{}").build());
        assertThatThrownBy(() -> writer(model()).draft(brief, outline(), t -> { }, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("NOT_STREAMING");
                    assertThat(f.getMessage()).contains("application/json").contains("/v1");
                });
    }

    @Test
    void anErrorInsideTheStreamFailsTheCall() {
        server.enqueue(sse("data: {\"error\": {\"message\": \"the model crashed\"}}\n\n"));
        assertThatThrownBy(() -> writer(model()).draft(brief, outline(), t -> { }, token))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.getMessage()).contains("the model crashed"));
    }

    @Test
    void cancellingAbortsTheHttpCallAtOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.HOURS).build());
        var cancel = new CancellationToken();
        var outcome = CompletableFuture.supplyAsync(() -> {
            try {
                writer(model().withReadTimeout(Duration.ofHours(1))).draft(brief, outline(), t -> { }, cancel);
                return "finished";
            } catch (JobCancelledException e) {
                return "cancelled";
            } catch (JobFailure e) {
                return "failed: " + e.getMessage();
            }
        });
        server.takeRequest(); // the request is in flight
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled");
    }

    @Test
    void theModelListComesFromTheServer() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(
                "{\"object\": \"list\", \"data\": [{\"id\": \"llama3.1:8b\", \"object\": \"model\"}, {\"id\": \"qwen2.5:7b\"}]}")
                .build());
        assertThat(new ModelCatalog(() -> client).models(model())).containsExactly("llama3.1:8b", "qwen2.5:7b");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
        server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
        assertThatThrownBy(() -> new ModelCatalog(() -> client).models(model().withApiKey("sk-x")))
                .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.errorCode()).isEqualTo("AUTH"));
    }

    @Test
    void theKeyNeverShowsInSettingsText() {
        assertThat(model().withApiKey("sk-secret-123").toString()).doesNotContain("sk-secret-123").contains("(set)");
    }
}
