package dev.postwright.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.testing.KilledMidDraft;
import dev.postwright.testing.LogFold;
import dev.postwright.testing.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote engine against a real {@code postwright serve} on loopback. */
class JobApiClientAgainstServeTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final byte[] SECRET = "a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8);
    static final StreamTiming FAST = new StreamTiming(Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofMillis(400));

    @TempDir Path dir;
    final Tokens tokens = new Tokens(SECRET, Clock.systemUTC());
    final String token = tokens.issue("alice", Duration.ofHours(1));
    LocalEngine engine;
    JobApiServer server;
    JobApiClient remote;

    void start(TextGenerator writer, ServeSettings settings) throws Exception {
        engine = LocalEngine.open(dir.resolve("server"), writer, QueueSettings.DEFAULTS, Clock.systemUTC());
        engine.jobs().start();
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, settings);
        server.start();
        remote = TestRuntime.jobApi(new RemoteServer(server.baseUrl(), token), dir.resolve("remote-jobs.json"), FAST);
    }

    @AfterEach
    void stop() {
        if (remote != null) remote.close();
        if (server != null) server.close();
        if (engine != null) engine.close();
    }

    /** What the server logged, as the remote subscriber must have seen it. */
    private List<String> logged(String id) {
        return engine.jobs().events(id, 0).stream().map(e -> e.seq() + " " + e.event().getClass().getSimpleName()).toList();
    }

    private static List<String> seen(RecordingListener listener) {
        return listener.events().stream().map(e -> e.seq() + " " + e.event().getClass().getSimpleName()).toList();
    }

    @Test
    void aRemoteJobStreamsTheSameEventsAsTheServerLogged() throws Exception {
        start(new OfflineWriter(), ServeSettings.DEFAULTS.withPort(0));
        String id = remote.enqueue(Briefs.brief("Written over the wire"), null);
        var listener = new RecordingListener();
        remote.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        assertThat(seen(listener)).isEqualTo(logged(id));
        assertThat(listener.events().getLast().event()).isInstanceOf(JobEvent.Complete.class);
        assertThat(remote.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(remote.list(10)).extracting(s -> s.jobId()).containsExactly(id);
        assertThat(remote.delete(id)).isEqualTo(CommandResult.APPLIED);
        assertThat(remote.list(10)).isEmpty();
    }

    @Test
    void aJobResumedMidDraftStreamsItsDraftResetSoThePiecesJoinIntoTheDraftItSaved() throws Exception {
        String id = KilledMidDraft.job(dir.resolve("server"), "alice");
        start(new OfflineWriter(), ServeSettings.DEFAULTS.withPort(0)); // serve's engine resumes the job
        var listener = new RecordingListener();
        remote.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        assertThat(seen(listener)).isEqualTo(logged(id));
        List<LoggedEvent> events = listener.events();
        var complete = (JobEvent.Complete) events.getLast().event();
        assertThat(LogFold.draft(events)).isEqualTo(complete.result().post().content());
        assertThat(LogFold.resets(events)).isEqualTo(1);
        assertThat(LogFold.progress(events)).isSorted();
    }

    @Test
    void streamsCutByTheirAgeAndByAServerRestartResumeWithoutLosingOrRepeatingAnEvent() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueSlowPost("Cut and resumed", Duration.ofSeconds(3));
            var writer = new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL),
                    new OkHttpClient());
            start(writer, ServeSettings.DEFAULTS.withPort(0).withStreamTiming(Duration.ofMillis(200), Duration.ofMillis(600)));
            int port = Integer.parseInt(server.baseUrl().replaceAll(".*:", ""));
            String id = remote.enqueue(Briefs.brief("Cut and resumed"), null);
            var listener = new RecordingListener();
            remote.subscribe(id, 0, listener);
            listener.awaitEvent(JobEvent.DraftDelta.class, WAIT);

            server.close(); // the connection goes; reconnects are refused until the server is back
            server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(port)
                    .withStreamTiming(Duration.ofMillis(200), Duration.ofMillis(600)));
            server.start();
            listener.awaitEnd(WAIT);

            assertThat(seen(listener)).isEqualTo(logged(id));
            assertThat(listener.events().getLast().event()).isInstanceOf(JobEvent.Complete.class);
        }
    }

    @Test
    void cancelEndsTheStreamAsCancelledAndRetryRunsTheJobAgain() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueStalledDraft("Stopped");
            var writer = new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL),
                    new OkHttpClient());
            start(writer, ServeSettings.DEFAULTS.withPort(0));
            String id = remote.enqueue(Briefs.brief("Stopped"), null);
            var listener = new RecordingListener();
            remote.subscribe(id, 0, listener);
            listener.awaitEvent(JobEvent.DraftDelta.class, WAIT);

            assertThat(remote.cancel(id)).isEqualTo(CommandResult.APPLIED);
            listener.awaitEnd(WAIT);
            LoggedEvent last = listener.events().getLast();
            assertThat(((JobEvent.Failed) last.event()).error()).isEqualTo("Cancelled");
            assertThat(remote.cancel(id)).isEqualTo(CommandResult.NOT_ALLOWED);

            model.queuePost("Stopped");
            assertThat(remote.retry(id)).isEqualTo(CommandResult.APPLIED);
            var again = new RecordingListener();
            remote.subscribe(id, last.seq(), again);
            again.awaitEnd(WAIT);
            assertThat(again.events().getFirst().seq()).isEqualTo(last.seq() + 1);
            assertThat(again.events().getLast().event()).isInstanceOf(JobEvent.Complete.class);
            assertThat(engine.jobs().whenFinished(id).get(10, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
        }
    }

    @Test
    void refusalsAreSentencesAndTheTokenIsNeverInThem() throws Exception {
        start(new OfflineWriter(), ServeSettings.DEFAULTS.withPort(0));
        var stranger = TestRuntime.jobApi(new RemoteServer(server.baseUrl(), "not-a-token"), null, FAST);
        assertThatThrownBy(() -> stranger.enqueue(Briefs.brief("No"), null)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("Sign in again").hasMessageNotContaining("not-a-token");
        assertThat(stranger.monitor().last()).map(Connection::state).contains(Connection.State.REFUSED);

        var missing = new dev.postwright.model.JobRequest(dev.postwright.model.Topic.titled(""),
                Briefs.brief("x").businessInfo(), "org-1", null, dev.postwright.model.JobOptions.DEFAULTS, List.of(),
                dev.postwright.model.Embeds.NONE);
        assertThatThrownBy(() -> remote.enqueue(missing, null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).contains("topic.title"));

        String bobs = TestRuntime.jobApi(new RemoteServer(server.baseUrl(), tokens.issue("bob", Duration.ofHours(1))),
                null, FAST).enqueue(Briefs.brief("Bob's"), null);
        var listener = new RecordingListener();
        remote.subscribe(bobs, 0, listener);
        listener.awaitEnd(WAIT);
        assertThat(((JobEvent.Failed) listener.events().getLast().event()).error()).contains("someone else");
        assertThat(remote.status(bobs)).isEmpty();

        int port = Integer.parseInt(server.baseUrl().replaceAll(".*:", ""));
        server.close();
        server = null;
        var gone = TestRuntime.jobApi(new RemoteServer("http://127.0.0.1:" + port, token), null, FAST);
        assertThatThrownBy(() -> gone.enqueue(Briefs.brief("Nobody home"), null)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("Cannot reach the server at http://127.0.0.1:" + port)
                .hasMessageNotContaining(token);
        assertThat(gone.monitor().last()).map(Connection::state).contains(Connection.State.UNREACHABLE);
    }
}
