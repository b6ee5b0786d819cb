package dev.postwright.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobState;
import dev.postwright.model.Topic;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our Blog SDK client against our own {@code postwright serve} speaking the SDK, on loopback. */
class BlogSdkClientAgainstServeTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final byte[] SECRET = "a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;
    final Tokens tokens = new Tokens(SECRET, Clock.systemUTC());
    LocalEngine engine;
    JobApiServer server;
    BlogSdkClient sdk;

    void start(String token) throws Exception {
        engine = LocalEngine.open(dir.resolve("server"), new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
        engine.jobs().start();
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0));
        server.start();
        sdk = new BlogSdkClient(new RemoteServer(server.baseUrl(), token), new OkHttpClient(), null,
                BlogSdkClientTest.FAST_POLLS, TestRuntime.SHARED, new ConnectionMonitor());
    }

    @AfterEach
    void stop() {
        if (sdk != null) sdk.close();
        if (server != null) server.close();
        if (engine != null) engine.close();
    }

    @Test
    void aJobWrittenByServeComesBackAsTheSdkClientReadsIt() throws Exception {
        start(tokens.issue("alice", Duration.ofHours(1)));
        String id = sdk.enqueue(Briefs.brief("Sourdough bread at home"), null);
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        List<JobEvent> events = listener.payloads();
        assertThat(events).anyMatch(e -> e instanceof JobEvent.ProgressUpdate p && "draft_generation".equals(p.stage()));
        var complete = (JobEvent.Complete) events.getLast();
        var saved = engine.jobs().status(id).orElseThrow();
        assertThat(saved.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(saved.owner()).isEqualTo("alice");
        assertThat(complete.result().post().content()).isEqualTo(saved.result().post().content());
        assertThat(complete.result().post().title()).isEqualTo(saved.result().post().title());
        assertThat(sdk.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void serve422sBecomeTheClientsFieldProblems() throws Exception {
        start(tokens.issue("alice", Duration.ofHours(1)));
        var tooShort = new JobRequest(Topic.titled("ab"), null, "org-1", null, null, List.of(), null);
        assertThatThrownBy(() -> sdk.enqueue(tooShort, null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("topic")
                        && p.message().contains("at least 3 characters")));
    }
}
