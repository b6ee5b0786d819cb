package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code generate --server} against a job API server whose {@code failed} event says why but whose
 * status does not (or lags): the writer reads the event's error, never "The job failed: null".
 */
class GenerateWhenAStreamFailsTest {
    static final String JOB = "8c0e4a52-8d1c-4a43-9c55-2f4a4a1d7a11";

    @TempDir Path dir;

    private static MockWebServer server(String statusState, String statusError) throws Exception {
        var server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/content-generation")) {
                    return json(201, "{\"jobId\": \"" + JOB + "\"}");
                }
                if (path.endsWith("/stream")) {
                    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                            .body(": ok\n\nevent: connected\ndata: {\"connectionId\": \"c1\", \"jobId\": \"" + JOB + "\"}\n\n"
                                    + "event: failed\ndata: {\"error\": \"Insufficient credits\", "
                                    + "\"errorCode\": \"INSUFFICIENT_CREDITS\"}\n\n").build();
                }
                if (path.endsWith("/status")) {
                    return json(200, "{\"jobId\": \"" + JOB + "\", \"status\": \"" + statusState + "\", \"progress\": 20, "
                            + "\"currentStep\": null, \"estimatedTimeRemaining\": null, \"error\": " + statusError
                            + ", \"errorCode\": null, \"result\": null, \"createdAt\": \"2026-11-21T09:00:00.000Z\", "
                            + "\"updatedAt\": \"2026-11-21T09:01:00.000Z\"}");
                }
                return json(404, "{\"success\": false, \"error\": \"Not found\"}");
            }
        });
        server.start();
        return server;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private GenerateOnAServerTest.Run generate(String... args) {
        var command = new GenerateCommand();
        command.writerOptions.environment = name -> null;
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new GenerateOnAServerTest.Run(exit, out.toString(), err.toString());
    }

    private GenerateOnAServerTest.Run generateOn(MockWebServer server) throws Exception {
        Path brief = Files.writeString(dir.resolve("brief.json"), GenerateOnAServerTest.BRIEF);
        return generate("--request", brief.toString(), "--server", server.url("/").toString(), "--token", "t0ken");
    }

    @Test
    void aFailedStreamWhoseStatusHasNoErrorPrintsTheEventsError() throws Exception {
        try (var server = server("failed", "null")) {
            var run = generateOn(server);
            assertThat(run.exit()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(run.err()).contains("The job failed: Insufficient credits").doesNotContain("null");
        }
    }

    @Test
    void aStatusThatStillSaysRunningAfterTheFailedEventIsReadAsTheFailure() throws Exception {
        try (var server = server("running", "null")) {
            var run = generateOn(server);
            assertThat(run.exit()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(run.err()).contains("The job failed: Insufficient credits").doesNotContain("resumes");
        }
    }

    @Test
    void theStatusesOwnErrorStillWinsWhenItHasOne() throws Exception {
        try (var server = server("failed", "\"Insufficient credits: top up in Billing\"")) {
            var run = generateOn(server);
            assertThat(run.err()).contains("The job failed: Insufficient credits: top up in Billing");
        }
    }
}
