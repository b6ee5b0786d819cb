package dev.postwright.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.remote.Connection;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteServer;
import dev.postwright.remote.TeamRuntime;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.ContractJobs;
import dev.postwright.testing.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where jobs run, against this computer's queue and a {@code postwright serve} on loopback. */
class JobRouterTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;
    final Tokens tokens = new Tokens("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC());
    final TeamRuntime runtime = TeamRuntime.daemon();
    final OkHttpClient http = new OkHttpClient();
    final List<JobRouter.Place> places = new CopyOnWriteArrayList<>();
    LocalEngine here;
    final CountDownLatch gate = new CountDownLatch(1);
    Database thereDb;
    JobQueue there;
    JobApiServer serve;
    JobRouter router;

    @BeforeEach
    void open() throws Exception {
        here = LocalEngine.open(dir.resolve("here"), new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
        here.jobs().start();
        thereDb = Database.open(dir.resolve("there.db"));
        there = JobQueue.builder(thereDb, ContractJobs.waitingFor(gate)).build(); // jobs wait for the gate
        there.start();
        serve = new JobApiServer(there, new PostLibrary(thereDb, Clock.systemUTC(), () -> "p-1"),
                new ImageStore(thereDb, dir.resolve("images"), Clock.systemUTC(), () -> "i-1"), tokens, ServeSettings.DEFAULTS.withPort(0));
        serve.start();
        router = new JobRouter(here.jobs(), new RemoteResults(here.library(), here.images(), "org-1"), () -> http,
                dir.resolve("remote-jobs"), runtime);
        router.watch(places::add);
    }

    @AfterEach
    void close() {
        router.close();
        runtime.close();
        gate.countDown();
        serve.close();
        there.close();
        thereDb.close();
        here.close();
    }

    @Test
    void jobsGoWhereTheRouterPointsAndRemotePostsAreKeptHere() throws Exception {
        assertThat(router.place()).isEqualTo(JobRouter.Place.THIS_COMPUTER);
        var server = new RemoteServer(serve.baseUrl(), tokens.issue("alice", Duration.ofHours(1)));
        assertThat(router.runOn(server, Dialect.JOB_API).state()).isEqualTo(Connection.State.CONNECTED);
        assertThat(router.place().host()).isEqualTo("127.0.0.1");
        assertThat(router.place().connection().state()).isEqualTo(Connection.State.CONNECTED);
        assertThat(places).extracting(p -> p.connection() == null ? "connecting" : p.connection().state().name())
                .containsExactly("connecting", "CONNECTED");

        String remoteId = router.enqueue(Briefs.brief("On the server"), null);
        assertThat(there.status(remoteId)).isPresent();
        assertThat(here.jobs().status(remoteId)).isEmpty();
        gate.countDown();
        var listener = new RecordingListener();
        router.subscribe(remoteId, 0, listener);
        var complete = (JobEvent.Complete) listener.awaitEnd(WAIT).getLast().event();
        assertThat(here.library().find(complete.result().savedPost().id())).isPresent();
        assertThat(here.library().findBySourceJob("remote:" + remoteId)).isPresent();
        assertThat(dir.resolve("remote-jobs").resolve("127.0.0.1-" + serve.baseUrl().replaceAll(".*:", "") + ".json"))
                .exists();

        router.runLocally();
        assertThat(router.place()).isEqualTo(JobRouter.Place.THIS_COMPUTER);
        String localId = router.enqueue(Briefs.brief("Back home"), null);
        assertThat(here.jobs().status(localId)).isPresent();
        assertThat(router.list(10)).extracting(s -> s.jobId()).contains(localId).doesNotContain(remoteId);
    }

    @Test
    void switchingAwayEndsTheOldServersStreamsAndAChecksAnswerDoesNotSwitch() throws Exception {
        var server = new RemoteServer(serve.baseUrl(), tokens.issue("alice", Duration.ofHours(1)));
        router.runOn(server, Dialect.JOB_API);
        String remoteId = router.enqueue(Briefs.brief("Left running"), null);
        var stream = new RecordingListener();
        router.subscribe(remoteId, 0, stream);
        stream.awaitEvents(2, WAIT);

        var refused = new RemoteServer(serve.baseUrl(), "not-a-token");
        assertThat(router.check(refused, Dialect.JOB_API).state()).isEqualTo(Connection.State.REFUSED);
        assertThat(router.place().connection().state()).as("a check does not switch").isEqualTo(
                Connection.State.CONNECTED);
        router.runLocally();
        assertThat(stream.awaitEnd(WAIT)).noneMatch(e -> e.event().isTerminal());

        assertThat(router.runOn(refused, Dialect.JOB_API).state()).isEqualTo(Connection.State.REFUSED);
        assertThat(router.place().connection().state()).isEqualTo(Connection.State.REFUSED);
    }
}
