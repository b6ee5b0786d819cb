package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.Test;

class SseFrameWriterTest {
    @Test
    void writesEventIdAndOneDataLinePerLine() {
        assertThat(SseFrameWriter.event("blog-result", "job-1:7", "{\"a\":\n1}\r\n"))
                .isEqualTo("event: blog-result\nid: job-1:7\ndata: {\"a\":\ndata: 1}\ndata: \n\n");
        assertThat(SseFrameWriter.event(null, null, "x\ry")).isEqualTo("data: x\ndata: y\n\n");
    }

    @Test
    void writesComments() {
        assertThat(SseFrameWriter.comment("ok")).isEqualTo(": ok\n\n");
        assertThat(SseFrameWriter.comment("two\nlines")).isEqualTo(": two\n: lines\n\n");
    }

    @Test
    void refusesLineBreaksInNamesAndIdsSoContentCannotForgeFields() {
        assertThatThrownBy(() -> SseFrameWriter.event("x\ndata: forged", null, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SseFrameWriter.event("x", "1\revent: y", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void okhttpSseReadsBackExactlyWhatWasWritten() throws Exception {
        String multiLine = "{\n  \"title\": \"A\\nB\",\r\n  \"content\": \"x\"\r}";
        String body = SseFrameWriter.comment("ok") + SseFrameWriter.event("connected", null, "{\"jobId\":\"j\"}")
                + SseFrameWriter.comment("keepalive")
                + SseFrameWriter.event("blog-result", "j:1", multiLine)
                + SseFrameWriter.event("complete", "j:2", "{}");
        try (var server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
            server.start();
            List<String> received = new ArrayList<>();
            var closed = new CountDownLatch(1);
            var client = new OkHttpClient();
            EventSources.createFactory(client).newEventSource(new Request.Builder().url(server.url("/s")).build(),
                    new EventSourceListener() {
                        @Override
                        public void onEvent(EventSource source, String id, String type, String data) {
                            received.add(id + "|" + type + "|" + data);
                        }

                        @Override
                        public void onClosed(EventSource source) {
                            closed.countDown();
                        }

                        @Override
                        public void onFailure(EventSource source, Throwable t, Response response) {
                            received.add("failure " + t);
                            closed.countDown();
                        }
                    });
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            client.dispatcher().executorService().shutdown();
            assertThat(received).containsExactly(
                    "null|connected|{\"jobId\":\"j\"}",
                    "j:1|blog-result|{\n  \"title\": \"A\\nB\",\n  \"content\": \"x\"\n}",
                    "j:2|complete|{}");
        }
    }
}
