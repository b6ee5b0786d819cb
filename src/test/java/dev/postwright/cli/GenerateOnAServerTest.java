package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.wire.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code generate --server}: the same output as a local run, through a real serve on loopback. */
class GenerateOnAServerTest {
    static final String BRIEF = "{\"topic\": {\"title\": \"Sourdough bread at home\"}, \"businessInfo\": "
            + "{\"businessType\": \"Bakery\"}, \"organizationId\": \"org-1\"}";

    @TempDir Path dir;

    record Run(int exit, String out, String err) {
        List<String> eventNames() {
            return out.lines().map(l -> Json.parse(l, "line").get("event").asText()).toList();
        }
    }

    private Run generate(String tokenFromEnv, String... args) {
        var command = new GenerateCommand();
        command.writerOptions.environment = name -> name.equals(GenerateCommand.SERVER_TOKEN_ENV) ? tokenFromEnv : null;
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aBriefRunOnAServerPrintsWhatALocalRunPrints() throws Exception {
        Path brief = Files.writeString(dir.resolve("brief.json"), BRIEF);
        var tokens = new Tokens("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        String token = tokens.issue("maria", Duration.ofHours(1));
        try (var engine = LocalEngine.open(dir.resolve("server"), new OfflineWriter(), QueueSettings.DEFAULTS,
                Clock.systemUTC()); var server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0))) {
            engine.jobs().start();
            server.start();

            Run local = generate(null, "--request", brief.toString(), "--events", "--data-dir", dir.resolve("local").toString());
            Run remote = generate(token, "--request", brief.toString(), "--events", "--server", server.baseUrl(),
                    "--data-dir", dir.resolve("unused").toString());
            assertThat(remote.exit()).as(remote.err()).isZero();
            assertThat(remote.eventNames()).isEqualTo(local.eventNames());
            assertThat(remote.out()).contains("Sourdough bread at home");

            Path post = dir.resolve("post.md");
            Run written = generate(null, "--request", brief.toString(), "--server", server.baseUrl(), "--token", token,
                    "--out", post.toString());
            assertThat(written.exit()).as(written.err()).isZero();
            assertThat(Files.readString(post)).startsWith("---").contains("# Sourdough bread at home");

            Run refused = generate("expired-or-wrong", "--request", brief.toString(), "--server", server.baseUrl());
            assertThat(refused.exit()).isEqualTo(ExitCodes.SERVER_UNAVAILABLE);
            assertThat(refused.err()).contains("Sign in again").doesNotContain("expired-or-wrong");
        }
        Run both = generate(null, "--request", brief.toString(), "--server", "http://127.0.0.1:9", "--model-url",
                "http://localhost:11434/v1", "--model", "x");
        assertThat(both.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(both.err()).contains("Choose one");
        Run notAUrl = generate(null, "--request", brief.toString(), "--server", "blog.example.com");
        assertThat(notAUrl.err()).contains("must start with http://");
    }
}
