package dev.postwright.remote;

import static dev.postwright.remote.QuirkyBackend.JOB;
import static dev.postwright.remote.QuirkyBackend.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The remote engine against a server with the real backend's habits (job-stream-protocol.md §1.4). */
class JobApiClientAgainstTheRealBackendsQuirksTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXJpYSJ9.c2lnbmF0dXJl";
    static final StreamTiming WATCHFUL = new StreamTiming(Duration.ofMillis(400),
            Duration.ofMillis(50), Duration.ofMillis(200));
    static final String POST_DATA = "{\"title\": \"From the status\", \"content\": \"# From the status\\n\\nFilled after a "
            + "reconnect.\", \"metaDescription\": \"A post.\"}";

    private static JobApiClient remote(QuirkyBackend backend) {
        return TestRuntime.jobApi(new RemoteServer(backend.baseUrl(), TOKEN), null, WATCHFUL);
    }

    private static List<Class<?>> types(RecordingListener listener) {
        return listener.events().stream().<Class<?>>map(e -> e.event().getClass()).toList();
    }

    @Test
    void withoutIdsATimedOutThenSilentStreamIsReopenedAndTheStatusFillsWhatWasMissed() throws Exception {
        try (var backend = new QuirkyBackend(n -> switch (n) {
            case 1 -> frame("progress-update", "{\"progress\": 10, \"currentStep\": \"Queued\"}")
                    + frame("step-change", "{\"progress\": 15, \"currentStep\": \"Starting\"}")
                    + frame("context-result", "{\"organizationId\": \"org-1\", \"completenessScore\": 40, \"availability\": {}}")
                    + frame("stream-timeout", "{\"jobId\": \"" + JOB + "\", \"message\": \"Stream timeout\"}");
            case 2 -> frame("progress-update", "{\"progress\": 60, \"currentStep\": \"Analyzing SEO\"}");
            default -> frame("progress-update", "{\"progress\": 100, \"currentStep\": \"Done\"}");
        }); var remote = remote(backend)) {
            String id = remote.enqueue(dev.postwright.testing.Briefs.brief("Quirks"), null);
            var listener = new RecordingListener();
            remote.subscribe(id, 0, listener);
            // Stream 1 times out without closing (reconnect at once); stream 2 then falls silent.
            listener.awaitEvent(e -> e instanceof JobEvent.ProgressUpdate p && p.progress() == 60, WAIT);
            backend.status(QuirkyBackend.statusJson("succeeded", 100, "{\"success\": true, \"data\": " + POST_DATA + "}"));
            listener.awaitEnd(WAIT); // the watchdog reopened, and /status said it was done

            assertThat(backend.streamConnections()).isEqualTo(3);
            assertThat(types(listener)).containsExactly(JobEvent.ProgressUpdate.class, JobEvent.StepChange.class,
                    JobEvent.ContextResult.class, JobEvent.ProgressUpdate.class, JobEvent.Complete.class);
            assertThat(listener.events()).extracting(LoggedEvent::seq).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 5).boxed().toList());
            var complete = (JobEvent.Complete) listener.events().getLast().event();
            assertThat(complete.result().post().content()).contains("Filled after a reconnect.");
            assertThat(backend.authorizations()).allMatch(a -> a.equals("Bearer " + TOKEN));
        }
    }

    @Test
    void aLiveCompleteInTheDocumentedShapeEndsTheStreamAlthoughTheServerKeepsItOpen() throws Exception {
        try (var backend = new QuirkyBackend(n -> frame("progress-update", "{\"progress\": 30, \"currentStep\": \"Writing\"}")
                + frame("blog-result", POST_DATA)
                + frame("seo-result", "{\"seoAnalysis\": {\"overallScore\": \"85/100\", \"aiSummary\": \"Solid.\"}}")
                + frame("complete", "{\"result\": {\"success\": true, \"title\": \"From the status\", "
                        + "\"content\": \"# From the status\\n\\nAt result.content, as the docs say.\"}}"));
             var remote = remote(backend)) {
            var listener = new RecordingListener();
            remote.subscribe(JOB, 0, listener);
            listener.awaitEnd(WAIT);

            assertThat(types(listener)).containsExactly(JobEvent.ProgressUpdate.class, JobEvent.BlogResult.class,
                    JobEvent.SeoResult.class, JobEvent.Complete.class);
            var complete = (JobEvent.Complete) listener.events().getLast().event();
            assertThat(complete.result().post().content()).contains("At result.content");
            var seo = (JobEvent.SeoResult) listener.events().get(2).event();
            assertThat(seo.analysis().overallScore()).isEqualTo(85);
            assertThat(backend.streamConnections()).isEqualTo(1);
        }
    }

    @Test
    void crlfLinesCommentsUnknownEventsAndMalformedDataAreSurvived() throws Exception {
        try (var backend = new QuirkyBackend(n -> (": keepalive\n\n"
                + frame("heartbeat-v2", "{\"anything\": true}")
                + frame("progress-update", "{\"progress\": ")
                + "event: progress-update\ndata: {\"progress\": 50,\ndata:  \"currentStep\": \"Two lines\"}\n\n"
                + frame("failed", "{\"error\": \"Insufficient credits\", \"errorCode\": \"INSUFFICIENT_CREDITS\"}"))
                .replace("\n", "\r\n"));
             var remote = remote(backend)) {
            var listener = new RecordingListener();
            remote.subscribe(JOB, 0, listener);
            listener.awaitEnd(WAIT);

            assertThat(types(listener)).containsExactly(JobEvent.ProgressUpdate.class, JobEvent.Failed.class);
            assertThat(((JobEvent.ProgressUpdate) listener.events().getFirst().event()).currentStep()).isEqualTo("Two lines");
            var failed = (JobEvent.Failed) listener.events().getLast().event();
            assertThat(failed.errorCode()).isEqualTo("INSUFFICIENT_CREDITS");
        }
    }
}
