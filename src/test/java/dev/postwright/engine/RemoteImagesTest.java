package dev.postwright.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.StoredImage;
import dev.postwright.queue.QueueSettings;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteServer;
import dev.postwright.remote.TeamRuntime;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team server's job images are copied into this computer's library with its post (real serve on loopback). */
class RemoteImagesTest {
    @TempDir Path dir;
    final Tokens tokens = new Tokens("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC());
    final TeamRuntime runtime = TeamRuntime.daemon();
    final OkHttpClient http = new OkHttpClient();
    LocalEngine team;
    LocalEngine here;
    JobApiServer serve;
    JobRouter router;

    @BeforeEach
    void open() throws Exception {
        team = LocalEngine.open(dir.resolve("team"), new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC());
        team.jobs().start();
        serve = new JobApiServer(team.jobs(), team.library(), team.images(), tokens, ServeSettings.DEFAULTS.withPort(0));
        serve.start();
        here = LocalEngine.open(dir.resolve("here"), new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
        router = new JobRouter(here.jobs(), new RemoteResults(here.library(), here.images(), "org-1"), () -> http,
                dir.resolve("remote-jobs"), runtime);
    }

    @AfterEach
    void close() {
        router.close();
        runtime.close();
        serve.close();
        team.close();
        here.close();
    }

    @Test
    void theLocalCopyOfARemotePostShowsLocalCopiesOfItsImages() throws Exception {
        router.runOn(new RemoteServer(serve.baseUrl(), tokens.issue("alice", Duration.ofHours(1))), Dialect.JOB_API);
        String id = router.enqueue(Briefs.brief("Rye on the server").withOptions(JobOptions.DEFAULTS.withImages()), null);
        var listener = new RecordingListener();
        router.subscribe(id, 0, listener);
        var result = ((JobEvent.Complete) listener.awaitEnd(Duration.ofSeconds(30)).getLast().event()).result();

        StoredImage remote = team.images().ofJob(id).getFirst();
        StoredImage local = here.images().ofJob("remote:" + id).getFirst();
        assertThat(result.images()).isEqualTo(here.images().ofJob("remote:" + id)).hasSize(3);
        assertThat(here.images().bytes(local)).isEqualTo(team.images().bytes(remote));
        assertThat(local.sha256()).isEqualTo(remote.sha256());
        var kept = here.library().findBySourceJob("remote:" + id).orElseThrow();
        assertThat(kept.post().content()).contains(ImageRefs.of(local.id())).doesNotContain(ImageRefs.of(remote.id()));
        assertThat(here.images().ofPost(kept.id())).hasSize(3).contains(here.images().find(local.id()).orElseThrow());
        assertThat(result.savedPost().id()).isEqualTo(kept.id());
    }
}
