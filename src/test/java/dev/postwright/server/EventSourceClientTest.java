package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.wire.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} read by a standard EventSource client nobody here wrote (the npm {@code eventsource}
 * package, run with node; {@code .ci/run} installs it with {@code npm ci --prefix src/test/node}).
 * Streams are cut short by their maximum age mid-job; the client reconnects by itself with
 * Last-Event-ID and must see every event exactly once, in order.
 */
class EventSourceClientTest {
    private static final Path CLIENT = Path.of("src/test/node");

    @TempDir Path dir;

    @Test
    void aStandardClientReconnectsThroughStreamTimeoutsAndLosesNothing() throws Exception {
        assumeTrue(Files.isDirectory(CLIENT.resolve("node_modules/eventsource")) && onPath("node"),
                "needs node and `npm ci --prefix src/test/node` (.ci/run does both)");
        var tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
        String token = tokens.issue("alice", Duration.ofHours(1));
        try (var model = new FakeModelServer();
             var engine = LocalEngine.open(dir, new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(),
                     FakeModelServer.MODEL), new OkHttpClient()), QueueSettings.DEFAULTS, Clock.systemUTC());
             var server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0)
                     .withStreamTiming(Duration.ofMillis(200), Duration.ofMillis(800)))) {
            model.queueSlowPost("Read by a browser", Duration.ofSeconds(4));
            engine.jobs().start();
            server.start();
            String id = new ApiClient(server.baseUrl()).create(token, "Read by a browser");

            var node = new ProcessBuilder("node", "stream-job.mjs", server.baseUrl(), id, token)
                    .directory(CLIENT.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<JsonNode> events = new ArrayList<>();
            try (var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) events.add(Json.parse(line, "client line"));
            }
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).isZero();

            List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
            assertThat(types.stream().filter("connected"::equals).count()).as(types.toString()).isGreaterThanOrEqualTo(2);
            assertThat(types).contains("stream-timeout", "draft-delta", "blog-result");
            assertThat(types.getLast()).isEqualTo("complete");
            List<Long> seqs = events.stream().filter(e -> !List.of("connected", "stream-timeout")
                    .contains(e.get("type").asText())).map(e -> {
                        String eventId = e.get("id").asText();
                        assertThat(eventId).startsWith(id + ":");
                        return Long.parseLong(eventId.substring(id.length() + 1));
                    }).toList();
            long logged = engine.jobs().events(id, 0).size();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, logged).boxed().toList());
        }
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
