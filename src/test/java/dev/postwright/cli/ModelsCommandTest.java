package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.builtin.download.CuratedModel;
import dev.postwright.llm.builtin.download.CuratedModels;
import dev.postwright.llm.builtin.download.ModelDownload;
import dev.postwright.llm.builtin.download.ModelFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code postwright models}: the real catalogue through the real command line, and downloads of a
 * small model of the test's own (the curated one is 1.1 GB) from a loopback mirror.
 */
class ModelsCommandTest {
    @TempDir
    Path dataDir;

    private final MockWebServer server = new MockWebServer();
    private final byte[] bytes = new byte[300_000];
    private CuratedModel model;

    @BeforeEach
    void start() throws Exception {
        server.start();
        new Random(7).nextBytes(bytes);
        model = new CuratedModel("test-model", "Test Model", bytes.length, "MIT", "Tests of the download.",
                URI.create("https://huggingface.co/test/test-model.gguf"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), OptionalInt.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listShowsEachCuratedModelAndThatItIsNotDownloaded() {
        CommandRun listed = CommandRun.run("models", "list", "--data-dir", dataDir.toString());

        assertThat(listed.exit()).as(listed.err()).isZero();
        CuratedModel qwen = CuratedModels.find("qwen2.5-1.5b-instruct").orElseThrow();
        assertThat(listed.outLines()).containsSubsequence(
                "qwen2.5-1.5b-instruct  Qwen2.5 1.5B Instruct (Q4_K_M)  1.1 GB  Apache-2.0",
                "    " + qwen.goodFor(),
                "    Not downloaded (postwright models download qwen2.5-1.5b-instruct)");
    }

    @Test
    void listShowsHowFarADownloadGot() throws Exception {
        CuratedModel qwen = CuratedModels.all().getFirst();
        ModelFolder folder = new ModelFolder(dataDir);
        Files.createDirectories(folder.folder());
        Files.write(folder.partPath(qwen), new byte[2_000]);

        CommandRun listed = CommandRun.run("models", "list", "--data-dir", dataDir.toString());

        assertThat(listed.out()).contains("    Partly downloaded: 2 kB of 1.1 GB (postwright models download "
                + qwen.name() + " resumes)");
    }

    @Test
    void downloadInstallsThenListShowsItAndRemoveDeletesIt() {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(bytes)).build());
        Path installed = new ModelFolder(dataDir).path(model);

        CommandRun downloaded = run(Map.of(), "download", "test-model", "--mirror", server.url("/").toString(),
                "--data-dir", dataDir.toString());

        assertThat(downloaded.exit()).as(downloaded.err()).isZero();
        assertThat(installed).hasBinaryContent(bytes);
        assertThat(downloaded.outLines()).containsExactly("Installed Test Model at " + installed + ".",
                "Write with it: postwright generate --builtin-model " + installed + " --request brief.json --out post.md");
        assertThat(downloaded.err().lines().toList()).first()
                .isEqualTo("Downloading Test Model (300 kB) from " + server.getHostName() + ":" + server.getPort() + "…");
        assertThat(downloaded.err().lines().toList()).last().asString().startsWith("  300 kB of 300 kB").endsWith("(100%)");

        assertThat(run(Map.of(), "list", "--data-dir", dataDir.toString()).out()).contains("    Installed at " + installed);

        CommandRun removed = run(Map.of(), "remove", "test-model", "--data-dir", dataDir.toString());
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).isEqualTo("Removed " + installed + ".\n");
        assertThat(installed).doesNotExist();
        assertThat(run(Map.of(), "remove", "test-model", "--data-dir", dataDir.toString()).out())
                .isEqualTo("Nothing to remove: test-model is not downloaded.\n");
    }

    @Test
    void theMirrorComesFromTheEnvironmentUnlessTheFlagSaysOtherwise() {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(bytes)).build());
        CommandRun fromEnvironment = run(Map.of(ModelDownload.MIRROR_ENV, server.url("/").toString()), "download",
                "test-model", "--data-dir", dataDir.toString());
        assertThat(fromEnvironment.exit()).as(fromEnvironment.err()).isZero();

        Path other = dataDir.resolve("other");
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(bytes)).build());
        CommandRun flagWins = run(Map.of(ModelDownload.MIRROR_ENV, "http://127.0.0.1:1/"), "download", "test-model",
                "--mirror", server.url("/").toString(), "--data-dir", other.toString());
        assertThat(flagWins.exit()).as(flagWins.err()).isZero();
        assertThat(new ModelFolder(other).path(model)).hasBinaryContent(bytes);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anUnknownNameIsBadInputAndSaysWhichThereAre() {
        for (String command : List.of("download", "remove")) {
            CommandRun refused = CommandRun.run("models", command, "no-such-model", "--data-dir", dataDir.toString());

            assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).isEqualTo("There is no model called \"no-such-model\" (postwright models list). "
                    + "The models are: "
                    + String.join(", ", CuratedModels.all().stream().map(CuratedModel::name).toList()) + ".\n");
        }
    }

    @Test
    void aMirrorThatIsNotAnAddressIsBadInput() {
        CommandRun refused = run(Map.of(), "download", "test-model", "--mirror", "ftp://models.example.com",
                "--data-dir", dataDir.toString());

        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("is not an http or https address");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aFailedDownloadPrintsItsSentenceAndFails() {
        server.enqueue(new MockResponse.Builder().code(404).build());

        CommandRun failed = run(Map.of(), "download", "test-model", "--mirror", server.url("/").toString(),
                "--data-dir", dataDir.toString());

        assertThat(failed.exit()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.err()).contains("answered 404 for Test Model: it has no such file");
        assertThat(failed.out()).isEmpty();
    }

    @Test
    void ctrlCKeepsWhatWasDownloadedAndSaysHowToResume() throws Exception {
        CuratedModel qwen = CuratedModels.all().getFirst();
        Path data = dataDir.resolve("data");
        Files.createDirectories(data);
        // the download checks for room for the whole model first, though only 100 kB are sent
        assertThat(Files.getFileStore(data).getUsableSpace()).as("free space the test needs")
                .isGreaterThan(2 * qwen.sizeBytes());
        // The real model's size announced, its first 100 kB sent, then the line held open.
        var release = new CountDownLatch(1);
        byte[] first = Arrays.copyOf(bytes, 100_000);
        server.enqueue(new MockResponse.Builder().body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return qwen.sizeBytes();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(first).flush();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }).build());
        Path log = dataDir.resolve("output.log");
        Path part = new ModelFolder(data).partPath(qwen);
        try {
            Process download = PostwrightProcess.start(log, "models", "download", qwen.name(), "--mirror",
                    server.url("/").toString(), "--data-dir", data.toString());
            // A process of its own: its part file's size is the only sign of how far it got.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.isRegularFile(part) && Files.size(part) == first.length) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(download.pid())).start().waitFor()).isZero();
            assertThat(download.waitFor(60, TimeUnit.SECONDS)).as("download ended").isTrue();
            String output = Files.readString(log);
            assertThat(download.exitValue()).as(output).isEqualTo(ExitCodes.STOPPED);
            assertThat(output).contains("Stopped at 100 kB; what was downloaded is kept in " + part + ". Run postwright "
                    + "models download " + qwen.name() + " again to resume.").doesNotContain("Exception");
        } finally {
            release.countDown();
        }
        assertThat(part).hasBinaryContent(first);
    }

    /** {@code postwright models args…} with the test's catalogue and environment, parsed as the launcher parses. */
    private CommandRun run(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = new CommandLine(new ModelsCommand(List.of(model), environment::get))
                .setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, cmd.getErr()))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
