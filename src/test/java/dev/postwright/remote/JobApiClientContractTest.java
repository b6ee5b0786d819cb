package dev.postwright.remote;

import dev.postwright.jobs.JobService;
import dev.postwright.jobs.JobServiceContractTest;
import dev.postwright.queue.JobQueue;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.ContractJobs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The listener contract of the job API client, against our own {@code postwright serve} on loopback. */
class JobApiClientContractTest extends JobServiceContractTest {
    @TempDir Path dir;
    final CountDownLatch gate = new CountDownLatch(1);
    final Tokens tokens = new Tokens(JobApiClientAgainstServeTest.SECRET, Clock.systemUTC());
    Database db;
    JobQueue queue;
    JobApiServer server;
    JobApiClient client;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("postwright.db"));
        queue = JobQueue.builder(db, ContractJobs.waitingFor(gate)).build();
        queue.start();
        server = new JobApiServer(queue, new PostLibrary(db, Clock.systemUTC(), () -> "p-1"),
                new ImageStore(db, dir.resolve("images"), Clock.systemUTC(), () -> "i-1"), tokens, ServeSettings.DEFAULTS.withPort(0));
        server.start();
        client = TestRuntime.jobApi(new RemoteServer(server.baseUrl(), tokens.issue("alice", Duration.ofHours(1))), null,
                JobApiClientAgainstServeTest.FAST);
    }

    @AfterEach
    void close() {
        gate.countDown();
        client.close();
        server.close();
        queue.close();
        db.close();
    }

    @Override
    protected JobService jobs() {
        return client;
    }

    @Override
    protected String startJobThatWaits() {
        return client.enqueue(Briefs.brief("Contract"), null);
    }

    @Override
    protected void letJobsFinish() {
        gate.countDown();
    }
}
