package dev.postwright.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.images.openai.ImageServer;
import dev.postwright.images.openai.OpenAiImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every {@link ImageMaker} promises, checked on both: the offline cards and a loopback image server. */
class ImageMakerContractTest {
    private static final MockWebServer SERVER = new MockWebServer();
    private static final OkHttpClient CLIENT = new OkHttpClient();

    /** Each maker, made from the loopback server's address once it is up. */
    static final List<Named<Function<String, ImageMaker>>> MAKERS = List.of(
            Named.of("offline", url -> new OfflineImageMaker()),
            Named.of("image server", url -> new OpenAiImageMaker(ImageServer.of(url, "sd-turbo"), CLIENT)));

    @BeforeAll
    static void start() throws IOException {
        // An image server that draws a real PNG of whatever size it is asked for.
        SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                ImageSize size = ImageSize.parse(Json.parse(request.getBody().utf8(), "request").path("size").asText());
                String b64 = Base64.getEncoder().encodeToString(TestImages.png(size.width(), size.height()));
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"created\": 1, \"data\": [{\"b64_json\": \"" + b64 + "\"}]}").build();
            }
        });
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
        CLIENT.dispatcher().executorService().shutdown();
    }

    private static ImageMaker maker(Function<String, ImageMaker> make) {
        return make.apply(SERVER.url("/").toString());
    }

    @ParameterizedTest
    @FieldSource("MAKERS")
    void theMadeImageDescribesItsOwnBytes(Function<String, ImageMaker> make) throws Exception {
        ImageMaker maker = maker(make);
        assertThat(maker.accepts(maker.defaultSize())).isTrue();
        MadeImage made = maker.make(ImageRequest.ofPrompt("A loaf on a board", maker.defaultSize()), new CancellationToken());
        assertThat(made.size()).isEqualTo(maker.defaultSize());
        assertThat(made.source()).isEqualTo(maker.source());
        assertThat(made.sha256()).isEqualTo(MadeImage.sha256(made.bytes()));
        assertThat(ImageBytes.inspect(made.bytes()))
                .isEqualTo(new ImageBytes.Picture(made.mediaType(), made.width(), made.height()));
    }

    @ParameterizedTest
    @FieldSource("MAKERS")
    void badRequestsAreRefusedBeforeAnyWork(Function<String, ImageMaker> make) {
        ImageMaker maker = maker(make);
        int asked = SERVER.getRequestCount();
        for (ImageRequest bad : List.of(ImageRequest.ofPrompt("", maker.defaultSize()),
                ImageRequest.ofPrompt("x".repeat(ImageRequests.MAX_PROMPT_CHARS + 1), maker.defaultSize()),
                ImageRequest.ofPrompt("A loaf", new ImageSize(8_000, 8_000)))) {
            assertThatThrownBy(() -> maker.make(bad, new CancellationToken()))
                    .isInstanceOfSatisfying(JobFailure.class, f -> {
                        assertThat(f.errorCode()).isEqualTo(ImageRequests.INVALID);
                        assertThat(f.isTransient()).isFalse();
                    });
        }
        assertThatThrownBy(() -> maker.make(ImageRequest.ofPrompt("A loaf", new ImageSize(8_000, 8_000)),
                new CancellationToken())).hasMessageContaining(maker.sizeRule());
        assertThat(SERVER.getRequestCount()).isEqualTo(asked);
    }

    @ParameterizedTest
    @FieldSource("MAKERS")
    void aCancelledJobMakesNothing(Function<String, ImageMaker> make) {
        ImageMaker maker = maker(make);
        int asked = SERVER.getRequestCount();
        var cancel = new CancellationToken();
        cancel.cancel(CancellationToken.Reason.SHUTDOWN);
        assertThatThrownBy(() -> maker.make(ImageRequest.ofPrompt("A loaf", maker.defaultSize()), cancel))
                .isInstanceOfSatisfying(JobCancelledException.class,
                        e -> assertThat(e.reason()).isEqualTo(CancellationToken.Reason.SHUTDOWN));
        assertThat(SERVER.getRequestCount()).isEqualTo(asked);
    }
}
