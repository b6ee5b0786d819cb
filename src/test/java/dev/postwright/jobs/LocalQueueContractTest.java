package dev.postwright.jobs;

import dev.postwright.queue.JobQueue;
import dev.postwright.store.Database;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.ContractJobs;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The listener contract of this computer's queue (SqlJobQueue on a real SQLite file). */
class LocalQueueContractTest extends JobServiceContractTest {
    @TempDir Path dir;
    final CountDownLatch gate = new CountDownLatch(1);
    Database db;
    JobQueue queue;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("postwright.db"));
        queue = JobQueue.builder(db, ContractJobs.waitingFor(gate)).build();
        queue.start();
    }

    @AfterEach
    void close() {
        gate.countDown();
        queue.close();
        db.close();
    }

    @Override
    protected JobService jobs() {
        return queue;
    }

    @Override
    protected String startJobThatWaits() {
        return queue.enqueue(Briefs.brief("Contract"), null);
    }

    @Override
    protected void letJobsFinish() {
        gate.countDown();
    }
}
