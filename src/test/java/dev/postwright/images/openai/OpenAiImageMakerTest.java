package dev.postwright.images.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageRequests;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.TestImages;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import okio.BufferedSink;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a loopback server answering as OpenAI, LocalAI and stable-diffusion.cpp's server do. */
class OpenAiImageMakerTest {
    static final String KEY = "sk-test-secret-4242";
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient();
    private final CancellationToken cancel = new CancellationToken();
    private final byte[] png = TestImages.png(256, 256);
    private final ImageRequest request = ImageRequest.ofPrompt("A sourdough loaf on a linen cloth, morning light",
            new ImageSize(256, 256));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private ImageServer settings() {
        return ImageServer.of(server.url("/").toString(), "sd-turbo").withApiKey(() -> KEY)
                .withReadTimeout(Duration.ofSeconds(10));
    }

    private OpenAiImageMaker maker() {
        return new OpenAiImageMaker(settings(), client);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse b64(byte[] bytes) {
        return json(200, "{\"created\": 1733100000, \"data\": [{\"revised_prompt\": \"a loaf\", \"b64_json\": \""
                + Base64.getEncoder().encodeToString(bytes) + "\"}]}");
    }

    private static MockResponse link(String url) {
        return json(200, "{\"created\": 1733100000, \"data\": [{\"url\": \"" + url + "\"}]}");
    }

    private static MockResponse picture(byte[] bytes) {
        return new MockResponse.Builder().setHeader("Content-Type", "image/png").body(new Buffer().write(bytes)).build();
    }

    @Test
    void aBase64ReplyBecomesTheImage() throws Exception {
        server.enqueue(b64(png));
        MadeImage made = maker().make(request, cancel);
        assertThat(made.bytes()).isEqualTo(png);
        assertThat(made.mediaType()).isEqualTo("image/png");
        assertThat(made.size()).isEqualTo(new ImageSize(256, 256));
        assertThat(made.source()).isEqualTo("sd-turbo");
        assertThat(made.sha256()).isEqualTo(MadeImage.sha256(png));
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/images/generations");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = Json.parse(sent.getBody().utf8(), "request");
        assertThat(body.path("model").asText()).isEqualTo("sd-turbo");
        assertThat(body.path("prompt").asText()).isEqualTo(request.prompt());
        assertThat(body.path("size").asText()).isEqualTo("256x256");
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("response_format").asText()).isEqualTo("b64_json");
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() throws Exception {
        server.enqueue(b64(png));
        new OpenAiImageMaker(settings().withApiKey(() -> " "), client).make(request, cancel);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void anAddressEndingInV1IsNotDoubled() {
        assertThat(ImageServer.of("http://localhost:8080/v1/", "m").generationsUrl())
                .isEqualTo("http://localhost:8080/v1/images/generations");
        assertThat(ImageServer.of("https://api.openai.com", "m").generationsUrl())
                .isEqualTo("https://api.openai.com/v1/images/generations");
    }

    @Test
    void aUrlReplyIsFetchedWithTheKeyFromTheServersOwnOrigin() throws Exception {
        server.enqueue(link(server.url("/generated/loaf.png").toString()));
        server.enqueue(picture(png));
        assertThat(maker().make(request, cancel).bytes()).isEqualTo(png);
        server.takeRequest();
        RecordedRequest fetched = server.takeRequest();
        assertThat(fetched.getUrl().encodedPath()).isEqualTo("/generated/loaf.png");
        assertThat(fetched.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aLinkToAnotherHostNeverSeesTheKey() throws Exception {
        try (var storage = new MockWebServer()) {
            storage.start();
            server.enqueue(link(storage.url("/blob/loaf.png?sig=abc").toString()));
            storage.enqueue(picture(png));
            assertThat(maker().make(request, cancel).bytes()).isEqualTo(png);
            assertThat(storage.takeRequest().getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void aDataUrlIsDecoded() throws Exception {
        byte[] jpeg = TestImages.jpeg(320, 180);
        server.enqueue(link("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));
        MadeImage made = maker().make(ImageRequest.ofPrompt("p", new ImageSize(320, 180)), cancel);
        assertThat(made.bytes()).isEqualTo(jpeg);
        assertThat(made.mediaType()).isEqualTo("image/jpeg");
        assertThat(made.fileExtension()).isEqualTo("jpg");
    }

    @Test
    void aBarePictureReplyIsTaken() throws Exception {
        server.enqueue(picture(png));
        assertThat(maker().make(request, cancel).bytes()).isEqualTo(png);
    }

    @Test
    void aServerRefusingResponseFormatIsAskedOnceMoreWithoutIt() throws Exception {
        server.enqueue(json(400, "{\"error\": {\"message\": \"Unknown parameter: 'response_format'.\", "
                + "\"type\": \"invalid_request_error\", \"param\": \"response_format\"}}"));
        server.enqueue(link(server.url("/out/1.png").toString()));
        server.enqueue(picture(png));
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(OpenAiImageMaker.class.getName());
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(recorder);
        try {
            assertThat(maker().make(request, cancel).bytes()).isEqualTo(png);
        } finally {
            log.removeHandler(recorder);
        }
        assertThat(logged).singleElement().asString().contains("refused response_format").doesNotContain(KEY);
        assertThat(Json.parse(server.takeRequest().getBody().utf8(), "first").has("response_format")).isTrue();
        assertThat(Json.parse(server.takeRequest().getBody().utf8(), "second").has("response_format")).isFalse();
    }

    @Test
    void aSecondRefusalOfResponseFormatIsNotRetriedAgain() {
        String refusal = "{\"error\": {\"message\": \"response_format is not supported\"}}";
        server.enqueue(json(400, refusal));
        server.enqueue(json(400, refusal));
        failsWith(() -> maker().make(request, cancel), "BAD_REQUEST", false,
                f -> assertThat(f.getMessage()).contains("HTTP 400").contains("response_format is not supported"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedKeyIsNamedWithoutTheKey() {
        server.enqueue(json(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\"}}"));
        failsWith(() -> maker().make(request, cancel), "AUTH", false, f -> assertThat(f.getMessage())
                .isEqualTo("The image server refused the API key (HTTP 401). Check the key in Settings."));
    }

    @Test
    void anUnknownModelIsNamed() {
        server.enqueue(json(404, "{\"error\": {\"message\": \"The model 'sd-turbo' does not exist\"}}"));
        failsWith(() -> maker().make(request, cancel), "MODEL_NOT_FOUND", false, f -> assertThat(f.getMessage())
                .contains("does not know the model \"sd-turbo\" (HTTP 404)"));
        // LocalAI answers 500 when it cannot load a model: still the model's fault, not a passing error.
        server.enqueue(json(500, "{\"error\": {\"code\": 500, \"message\": \"could not load model sd-turbo: " + KEY
                + "\"}}"));
        failsWith(() -> maker().make(request, cancel), "MODEL_NOT_FOUND", false,
                f -> assertThat(f.getMessage()).contains("could not load model").doesNotContain(KEY));
    }

    @Test
    void serverErrorsAndRateLimitsMayPass() {
        server.enqueue(json(503, "{\"detail\": \"warming up\"}"));
        failsWith(() -> maker().make(request, cancel), "SERVER_ERROR", true,
                f -> assertThat(f.getMessage()).isEqualTo("The image server had an internal error (HTTP 503): warming up."));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("").build());
        failsWith(() -> maker().make(request, cancel), "RATE_LIMITED", true,
                f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void aWebPageInsteadOfAReplyIsExplained() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><html><head><title>Router login</title></head><body>Sign in</body></html>").build());
        failsWith(() -> maker().make(request, cancel), "NOT_AN_IMAGE", false, f -> assertThat(f.getMessage())
                .startsWith("The image server sent a web page (HTML) (text/html; charset=utf-8) instead of an image reply."));
    }

    @Test
    void aLinkToAWebPageIsNotAnImage() {
        server.enqueue(link(server.url("/gallery").toString()));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html><body>Gallery"
                + "</body></html>").build());
        failsWith(() -> maker().make(request, cancel), "NOT_AN_IMAGE", false,
                f -> assertThat(f.getMessage()).startsWith("The image server sent a web page (HTML) instead of a picture."));
    }

    @Test
    void aTruncatedPngIsRefusedAndMayPassOnARetry() {
        server.enqueue(b64(Arrays.copyOf(png, png.length - 20)));
        failsWith(() -> maker().make(request, cancel), "NOT_AN_IMAGE", true,
                f -> assertThat(f.getMessage()).contains("a PNG file that stops short"));
    }

    @Test
    void malformedJsonIsABadReply() {
        server.enqueue(json(200, "{\"data\": [{\"b64_json\": \"iVBOR"));
        failsWith(() -> maker().make(request, cancel), "BAD_REPLY", false,
                f -> assertThat(f.getMessage()).startsWith("The image server's reply is not valid JSON"));
        server.enqueue(json(200, "{\"data\": []}"));
        failsWith(() -> maker().make(request, cancel), "BAD_REPLY", false,
                f -> assertThat(f.getMessage()).contains("holds no image"));
    }

    @Test
    void linksOtherThanHttpAreRefused() {
        server.enqueue(link("file:///etc/passwd"));
        failsWith(() -> maker().make(request, cancel), "BAD_REPLY", false,
                f -> assertThat(f.getMessage()).contains("not an http or https address"));
        server.enqueue(link("data:text/html;base64,PGh0bWw+"));
        failsWith(() -> maker().make(request, cancel), "BAD_REPLY", false,
                f -> assertThat(f.getMessage()).contains("not a base64 image"));
    }

    @Test
    void aBase64PictureOverTwentyMegabytesIsRefused() {
        server.enqueue(b64(oversized()));
        failsWith(() -> maker().make(request, cancel), "IMAGE_TOO_LARGE", false,
                f -> assertThat(f.getMessage()).contains("larger than 20 MB"));
    }

    @Test
    void aLinkToAPictureOverTwentyMegabytesIsRefused() {
        server.enqueue(link(server.url("/big.png").toString()));
        server.enqueue(picture(oversized()));
        failsWith(() -> maker().make(request, cancel), "IMAGE_TOO_LARGE", false, f -> { });
    }

    @Test
    void anEndlessBodyIsReadOnlyUpToTheCap() {
        server.enqueue(link(server.url("/endless.png").toString()));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png").body(new Endless(png)).build());
        // Without the cap this call would read forever.
        failsWith(() -> maker().make(request, cancel), "IMAGE_TOO_LARGE", false, f -> { });
    }

    @Test
    void aServerThatIsNotRunningIsNamed() {
        String url = server.url("/").toString();
        server.close();
        failsWith(() -> new OpenAiImageMaker(ImageServer.of(url, "m"), client).make(request, cancel), "UNREACHABLE", true,
                f -> assertThat(f.getMessage()).startsWith("Cannot reach the image server at " + url.replaceAll("/$", "")));
    }

    @Test
    void aSilentServerTimesOut() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("").build());
        var impatient = new OpenAiImageMaker(settings().withReadTimeout(Duration.ofMillis(300)), client);
        failsWith(() -> impatient.make(request, cancel), "TIMEOUT", true, f -> { });
    }

    @Test
    void cancellingAbortsTheRequestInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.HOURS).build());
        var patient = new OpenAiImageMaker(settings().withReadTimeout(Duration.ofHours(1)), client);
        var outcome = CompletableFuture.supplyAsync(() -> {
            try {
                patient.make(request, cancel);
                return "finished";
            } catch (JobCancelledException e) {
                return "cancelled: " + e.reason();
            } catch (JobFailure e) {
                return "failed: " + e.getMessage();
            }
        });
        server.takeRequest(); // the request is in flight
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo("cancelled: CANCELLED");
    }

    @Test
    void sizesOutsideWhatServersTakeAreRefusedBeforeAsking() {
        failsWith(() -> maker().make(ImageRequest.ofPrompt("p", new ImageSize(32, 32)), cancel), ImageRequests.INVALID,
                false, f -> assertThat(f.getMessage()).isEqualTo("An image of 32x32 cannot be made: an image server takes "
                        + "sizes such as 1024x1024, 1792x1024 or 1024x1792, each side between 64 and 4096 pixels."));
        failsWith(() -> maker().make(ImageRequest.ofPrompt("", new ImageSize(1024, 1024)), cancel), ImageRequests.INVALID,
                false, f -> { });
        assertThat(OpenAiImageMaker.COMMON_SIZES).allMatch(maker()::accepts).contains(new ImageSize(1792, 1024));
        assertThat(maker().accepts(new ImageSize(4097, 1024))).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theKeyNeverShowsInSettingsText() {
        assertThat(settings().toString()).doesNotContain(KEY).contains("apiKey=(set)");
        assertThat(ImageServer.of("http://x", "m").toString()).contains("apiKey=none");
    }

    private static void failsWith(ThrowingCallable call, String code, boolean transientFailure, Consumer<JobFailure> more) {
        assertThatThrownBy(call).isInstanceOfSatisfying(JobFailure.class, f -> {
            assertThat(f.errorCode()).as(f.getMessage()).isEqualTo(code);
            assertThat(f.isTransient()).as(f.getMessage()).isEqualTo(transientFailure);
            assertThat(f.getMessage()).doesNotContain(KEY);
            more.accept(f);
        });
    }

    /** A real PNG start followed by filler past the cap. */
    private byte[] oversized() {
        return Arrays.copyOf(png, OpenAiImageMaker.MAX_IMAGE_BYTES + 1024);
    }

    /** A body without a length that never ends: only the client can stop it. */
    private record Endless(byte[] start) implements MockResponseBody {
        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(start);
            byte[] filler = new byte[64 * 1024];
            while (true) sink.write(filler);
        }
    }
}
