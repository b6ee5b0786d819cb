package dev.postwright.remote;

import static dev.postwright.remote.BlogSdkBackend.job;
import static dev.postwright.remote.BlogSdkBackend.message;

import dev.postwright.jobs.JobService;
import dev.postwright.jobs.JobServiceContractTest;
import dev.postwright.testing.Briefs;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The listener contract of the Blog SDK client, against a server speaking §2 on loopback. */
class BlogSdkClientContractTest extends JobServiceContractTest {
    BlogSdkBackend backend;
    BlogSdkClient client;

    @BeforeEach
    void open() throws Exception {
        backend = new BlogSdkBackend(message("queued", 0, ", \"job_id\": \"b-1\"") + message("keyword_analysis", 15, ""),
                message("draft_generation", 40, "") + message("completed", 100, ", \"data\": {\"result\": "
                        + BlogSdkClientTest.RESULT + "}"),
                List.of(job("completed", 100, "completed", BlogSdkClientTest.RESULT)));
        client = new BlogSdkClient(new RemoteServer(backend.baseUrl(), null), new OkHttpClient(), null,
                BlogSdkClientTest.FAST_POLLS, TestRuntime.SHARED, new ConnectionMonitor());
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        backend.close();
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
        backend.open();
    }
}
