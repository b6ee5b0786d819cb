package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.Postwright;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postwright serve} and {@code generate} as real processes, stopped by real signals while
 * a job is running: the job goes back to the queue with its attempt not counted. {@code serve}
 * exits 0, and ten stops in a row never fail the job (three counted attempts would);
 * {@code generate} says the post was not finished and exits 130.
 */
class GracefulStopTest {
    private static final int STOPS = 10;
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void tenStopsInARowHandTheRunningJobBackEveryTime() throws Exception {
        Path data = dir.resolve("data");
        String jobId = queueOneJob(data);
        var stalled = new StalledModel();
        var model = new MockWebServer();
        try {
            model.setDispatcher(stalled);
            model.start();
            for (int stop = 1; stop <= STOPS; stop++) {
                Process serve = serve(data, model.url("/v1").toString());
                // The worker has called the model: the job is running, mid-stage.
                assertThat(model.takeRequest(WAIT_SECONDS, TimeUnit.SECONDS)).as("stop %d: a model call", stop).isNotNull();
                String signal = stop % 2 == 0 ? "INT" : "TERM"; // Ctrl+C, and what a service manager sends
                assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(serve.pid())).start().waitFor()).isZero();
                assertThat(serve.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("stop %d: serve ended", stop).isTrue();
                assertThat(serve.exitValue()).as("stop %d (SIG%s): exit code; output:%n%s", stop, signal,
                        Files.readString(dir.resolve("output.log"))).isZero();
                JobStatus status = statusOf(data, jobId);
                assertThat(status.state()).as("stop %d: state", stop).isEqualTo(JobState.QUEUED);
                assertThat(status.attempts()).as("stop %d: counted attempts", stop).isZero();
            }
        } finally {
            stalled.release.countDown(); // before close, which waits for the open replies to end
            model.close();
        }
        assertThat(Files.readString(dir.resolve("output.log"))).contains("running jobs go back to the queue")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void ctrlCOnGenerateKeepsTheJobForTheNextStart() throws Exception {
        Path data = dir.resolve("data");
        Path brief = Files.writeString(dir.resolve("brief.json"), CommandLineTest.BRIEF);
        var stalled = new StalledModel();
        var model = new MockWebServer();
        try {
            model.setDispatcher(stalled);
            model.start();
            Process generate = postwright("generate", "--request", brief.toString(), "--data-dir", data.toString(),
                    "--model-url", model.url("/v1").toString(), "--model", "m");
            assertThat(model.takeRequest(WAIT_SECONDS, TimeUnit.SECONDS)).as("a model call").isNotNull();
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(generate.pid())).start().waitFor()).isZero();
            assertThat(generate.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("generate ended").isTrue();
            String output = Files.readString(dir.resolve("output.log"));
            assertThat(generate.exitValue()).as(output).isEqualTo(ExitCodes.STOPPED);
            assertThat(output).contains("Stopped before the post was finished").doesNotContain("Exception");
        } finally {
            stalled.release.countDown();
            model.close();
        }
        try (LocalEngine engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC())) {
            var jobs = engine.jobs().list(10);
            assertThat(jobs).hasSize(1);
            assertThat(jobs.getFirst().state()).isEqualTo(JobState.QUEUED);
            assertThat(jobs.getFirst().attempts()).isZero();
        }
    }

    @Test
    void sigtermClosesTheWindowAsItsCloseButtonDoes() throws Exception {
        Path config = dir.resolve("config");
        String java = ProcessHandle.current().info().command().orElseThrow();
        var builder = new ProcessBuilder(java, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1600x1200-32",
                "-cp", System.getProperty("java.class.path"), Postwright.class.getName()).redirectErrorStream(true);
        builder.environment().put("POSTWRIGHT_CONFIG_DIR", config.toString());
        builder.environment().put("POSTWRIGHT_DATA_DIR", dir.resolve("data").toString());
        Process app = builder.start();
        var output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
            for (String line; (line = lines.readLine()) != null; ) { // the window's own log line, no guessing
                output.append(line).append('\n');
                if (line.contains("window shown")) break;
            }
            assertThat(output).as("the window opened").contains("window shown");
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(app.pid())).start().waitFor()).isZero();
            lines.transferTo(Writer.nullWriter()); // read to the end so the app never blocks on its output
        }
        assertThat(app.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as(output.toString()).isZero();
        // stop() ran: it keeps the window's place in the settings file.
        assertThat(Files.readString(config.resolve("settings.json"))).contains("window");
    }

    private static String queueOneJob(Path data) throws Exception {
        try (LocalEngine engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC())) {
            return engine.jobs().enqueue(Briefs.brief("Stopped and resumed"), null);
        }
    }

    private static JobStatus statusOf(Path data, String jobId) throws Exception {
        try (LocalEngine engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC())) {
            return engine.jobs().status(jobId).orElseThrow();
        }
    }

    private Process serve(Path data, String modelUrl) throws IOException {
        return postwright("serve", "--port", "0", "--data-dir", data.toString(), "--model-url", modelUrl, "--model", "m");
    }

    /** {@code postwright args…} in a process of its own, its output appended to output.log. */
    private Process postwright(String... args) throws IOException {
        return PostwrightProcess.start(dir.resolve("output.log"), args);
    }

    /** A model server whose every reply sends a first piece, then holds the line open: the job stays running. */
    private static final class StalledModel extends Dispatcher {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(new MockResponseBody() {
                @Override
                public long getContentLength() {
                    return -1;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    sink.writeUtf8("data: {\"choices\":[{\"delta\":{\"content\":\"{\\\"title\\\": \"}}]}\n\n");
                    sink.flush();
                    try {
                        release.await(WAIT_SECONDS, TimeUnit.SECONDS); // the line stays open until the test ends
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).build();
        }
    }
}
