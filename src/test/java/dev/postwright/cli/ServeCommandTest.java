package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.Postwright;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} and {@code serve token} through the command line, on a real port. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+) ");

    @TempDir Path dir;

    /** Output that completes a future with the server's address once the serving line is written. */
    static final class ServingLine extends Writer {
        final StringBuilder text = new StringBuilder();
        final CompletableFuture<String> address = new CompletableFuture<>();

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
            Matcher m = SERVING.matcher(text);
            if (m.find()) address.complete(m.group(1));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void aTokenFromServeTokenOpensTheServerThatServeStarts() throws Exception {
        String data = dir.resolve("data").toString();
        var tokenOut = new StringWriter();
        int tokenExit = Postwright.commandLine().setOut(new PrintWriter(tokenOut)).setErr(new PrintWriter(new StringWriter()))
                .execute("serve", "token", "--user", "alice", "--data-dir", data);
        assertThat(tokenExit).isZero();
        List<String> lines = tokenOut.toString().lines().toList();
        String token = lines.getLast();
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

        var serve = new ServeCommand();
        var out = new ServingLine();
        var err = new StringWriter();
        var line = new CommandLine(serve).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err));
        var exit = CompletableFuture.supplyAsync(() -> line.execute("--port", "0", "--data-dir", data));
        String base = out.address.get(30, TimeUnit.SECONDS);

        var http = new OkHttpClient();
        var create = new Request.Builder().url(base + "/api/v1/jobs/content-generation")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create("{\"topic\": {\"title\": \"Served\"}, \"businessInfo\": {}, "
                        + "\"organizationId\": \"org-1\"}", MediaType.get("application/json"))).build();
        try (var response = http.newCall(create).execute()) {
            assertThat(response.code()).as(response.body().string()).isEqualTo(201);
        }
        var list = new Request.Builder().url(base + "/api/v1/jobs").header("Authorization", "Bearer " + token).build();
        try (var response = http.newCall(list).execute()) {
            assertThat(response.body().string()).contains("\"title\":\"Served\"");
        }

        serve.stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.text.toString()).contains("Stopping");
    }

    @Test
    void serveTokenAlwaysIssuesATokenThatExpiresIn30DaysOrAsManyAsAsked() {
        String data = dir.resolve("data").toString();
        for (String[] c : new String[][] {{"30"}, {"7", "--days", "7"}}) {
            var out = new StringWriter();
            var args = new java.util.ArrayList<>(List.of("serve", "token", "--user", "alice", "--data-dir", data));
            args.addAll(List.of(c).subList(1, c.length));
            assertThat(Postwright.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                    .execute(args.toArray(String[]::new))).isZero();
            String payload = new String(java.util.Base64.getUrlDecoder().decode(out.toString().lines().toList()
                    .getLast().split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
            var claims = dev.postwright.wire.Json.parse(payload, "claims");
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).as(c[0])
                    .isEqualTo(java.time.Duration.ofDays(Long.parseLong(c[0])).toSeconds());
        }
        var err = new StringWriter();
        assertThat(Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("serve", "token", "--user", "alice", "--days", "0", "--data-dir", data)).isNotZero();
        assertThat(err.toString()).contains("--days at least 1");
    }

    @Test
    void blogSdkUserLetsTokenlessBlogSdkRequestsInAndSaysSo() throws Exception {
        var serve = new ServeCommand();
        var out = new ServingLine();
        var err = new StringWriter();
        var line = new CommandLine(serve).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err));
        var exit = CompletableFuture.supplyAsync(() -> line.execute("--port", "0", "--data-dir",
                dir.resolve("data").toString(), "--blog-sdk-user", "alice"));
        String base = out.address.get(30, TimeUnit.SECONDS);

        var http = new OkHttpClient();
        var create = new Request.Builder().url(base + "/api/v1/blog/generate-enhanced")
                .post(RequestBody.create("{\"topic\": \"Served to the SDK\", \"keywords\": [\"sdk\"]}",
                        MediaType.get("application/json"))).build();
        try (var response = http.newCall(create).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"status\":\"queued\"");
        }
        var jobApi = new Request.Builder().url(base + "/api/v1/jobs").build();
        try (var response = http.newCall(jobApi).execute()) {
            assertThat(response.code()).isEqualTo(401); // only the Blog SDK's routes are opened
        }

        serve.stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.text.toString()).contains("Warning: Blog SDK requests without a token act as alice.");
    }

    @Test
    void theImageRoutesCheckSizesAgainstTheMakerServeWasGiven() throws Exception {
        var serve = new ServeCommand();
        var out = new ServingLine();
        var err = new StringWriter();
        var line = new CommandLine(serve).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err));
        // An image server that takes any size (nothing listens there: the job would fail later, not the request).
        var exit = CompletableFuture.supplyAsync(() -> line.execute("--port", "0", "--data-dir",
                dir.resolve("data").toString(), "--blog-sdk-user", "alice", "--image-url", "http://127.0.0.1:9",
                "--image-model", "sd-test", "--image-stream-max-age", "120"));
        String base = out.address.get(30, TimeUnit.SECONDS);

        var http = new OkHttpClient();
        var generate = new Request.Builder().url(base + "/api/v1/images/generate")
                .post(RequestBody.create("{\"prompt\": \"A loaf on a board\", \"aspect_ratio\": \"4:3\"}",
                        MediaType.get("application/json"))).build();
        try (var response = http.newCall(generate).execute()) {
            assertThat(response.code()).as("4:3 is the image server's to draw, not the offline maker's").isEqualTo(200);
            assertThat(response.body().string()).contains("\"status\":\"queued\"");
        }

        serve.stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }

    @Test
    void aBusyPortAndBadNumbersAreExplained() throws Exception {
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var err = new StringWriter();
            int exit = Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                    .execute("serve", "--port", String.valueOf(taken.getLocalPort()), "--data-dir", dir.toString());
            assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(err.toString()).contains("Cannot listen on").contains("--port").doesNotContain("Exception");
        }
        var err = new StringWriter();
        int exit = Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("serve", "--workers", "0", "--data-dir", dir.toString());
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--workers 1–32");
        var ageErr = new StringWriter();
        assertThat(Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(ageErr))
                .execute("serve", "--image-stream-max-age", "0", "--data-dir", dir.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ageErr.toString()).contains("--image-stream-max-age");
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsNamedAndEndsWithExitThree() throws Exception {
        // Works as root too: no permission lets anyone make a folder inside a regular file.
        Path blocker = dir.resolve("blocker");
        java.nio.file.Files.writeString(blocker, "a file where the data folder's parent should be");
        String data = blocker.resolve("data").toString();
        for (String[] args : new String[][] {{"serve", "--port", "0", "--data-dir", data},
                {"serve", "token", "--user", "alice", "--data-dir", data}}) {
            var err = new StringWriter();
            int exit = Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                    .execute(args);
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
            assertThat(err.toString().strip()).isEqualTo("Postwright cannot write to its data folder " + data
                    + ", where it keeps the token secret (" + blocker + " is a file, not a folder). Give your user "
                    + "write access to that folder, choose another with --data-dir, or name a secret with --secret-file.");
        }
    }

    @Test
    void aReadOnlyDataFolderIsNamedAndEndsWithExitThree() throws Exception {
        Path data = dir.resolve("data");
        java.nio.file.Files.createDirectories(data);
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(ReadOnlyFolders.make(data), "running as root without chattr "
                    + "(or on a file system without it), a read-only folder is still writable; the test above covers "
                    + "a folder that cannot be written in a way root cannot bypass");
            var err = new StringWriter();
            int exit = Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                    .execute("serve", "--port", "0", "--data-dir", data.toString());
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
            assertThat(err.toString()).startsWith("Postwright cannot write to its data folder " + data
                    + ", where it keeps the token secret (").doesNotContain("Exception");
        } finally {
            ReadOnlyFolders.undo(data);
        }
    }

    /** chmod is enough for ordinary users; root needs the immutable attribute (as DatabaseTest does for a file). */
    static final class ReadOnlyFolders {
        static boolean make(Path folder) throws Exception {
            if (folder.toFile().setWritable(false, false) && !java.nio.file.Files.isWritable(folder)) return true;
            return run("chattr", "+i", folder.toString()) && !java.nio.file.Files.isWritable(folder);
        }

        static void undo(Path folder) throws Exception {
            run("chattr", "-i", folder.toString());
            folder.toFile().setWritable(true, false);
        }

        private static boolean run(String... command) throws Exception {
            try {
                return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
            } catch (java.io.IOException e) {
                return false; // the tool is not installed
            }
        }
    }
}
