package dev.postwright.llm.builtin.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.postwright.llm.builtin.download.ModelDownload.Outcome;
import dev.postwright.llm.builtin.download.ModelDownload.Progress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a loopback server standing in for huggingface.co through the mirror setting. */
class ModelDownloadTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dataDir;

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final byte[] bytes = testBytes(300_000);
    private final CuratedModel model = modelOf(bytes);
    private final AtomicLong clock = new AtomicLong(42 * SECOND);
    private final List<Progress> reports = new ArrayList<>();
    private long freeBytes = Long.MAX_VALUE;
    private ModelFolder folder;

    @BeforeEach
    void start() throws IOException {
        server.start();
        folder = new ModelFolder(dataDir);
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void downloadsInstallsAndReportsProgressWithTheRateOfTheInjectedClock() throws Exception {
        server.enqueue(whole(bytes));

        // Each report moves the clock a second, so the n-th report comes n seconds after the first.
        Outcome outcome = download().run(model, p -> {
            reports.add(p);
            clock.addAndGet(SECOND);
        }, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(Files.readAllBytes(folder.path(model))).isEqualTo(bytes);
        assertThat(folder.partPath(model)).doesNotExist();
        assertThat(reports).hasSizeGreaterThan(2).allSatisfy(p -> assertThat(p.totalBytes()).isEqualTo(bytes.length));
        assertThat(reports.getFirst()).isEqualTo(new Progress(0, bytes.length, 0));
        assertThat(reports.getLast().bytes()).isEqualTo(bytes.length);
        assertThat(reports.getLast().fraction()).isEqualTo(1.0);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).bytes()).isGreaterThanOrEqualTo(reports.get(i - 1).bytes());
            assertThat(reports.get(i).bytesPerSecond()).isEqualTo((double) reports.get(i).bytes() / i);
        }
        RecordedRequest asked = server.takeRequest();
        assertThat(asked.getUrl().encodedPath()).isEqualTo("/test/x.gguf");
        assertThat(asked.getHeaders().get("Range")).isNull();
    }

    @Test
    void reportsAtMostEveryTenthOfASecondPlusTheStartAndTheEnd() {
        byte[] large = testBytes(2_000_000);
        CuratedModel big = modelOf(large);
        server.enqueue(whole(large));

        Outcome outcome = download().run(big, reports::add, new DownloadStop()); // the clock never moves

        assertThat(outcome).isInstanceOf(Outcome.Installed.class);
        assertThat(reports).extracting(Progress::bytes).containsExactly(0L, (long) large.length);
    }

    @Test
    void aDroppedConnectionKeepsThePartAndTheNextRunResumesWithARange() throws Exception {
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(bytes))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        Outcome first = download().run(model, reports::add, new DownloadStop());

        assertThat(first).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.sentence()).startsWith("The download of Test Model was interrupted at ")
                    .contains("Run it again to resume from");
            assertThat(failed.partKept()).isTrue();
        });
        long kept = folder.partialBytes(model);
        assertThat(kept).isPositive().isLessThan(bytes.length);
        assertThat(Files.readAllBytes(folder.partPath(model))).isEqualTo(Arrays.copyOf(bytes, (int) kept));

        server.enqueue(rest(bytes, kept));
        Outcome second = download().run(model, reports::add, new DownloadStop());

        assertThat(second).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(Files.readAllBytes(folder.path(model))).isEqualTo(bytes);
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=" + kept + "-");
    }

    @Test
    void aServerThatIgnoresTheRangeStartsTheFileOver() throws Exception {
        partFile(Arrays.copyOf(testBytes(1_000), 1_000)); // not the model's first bytes: they must go
        server.enqueue(whole(bytes));

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(Files.readAllBytes(folder.path(model))).isEqualTo(bytes);
        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=1000-");
    }

    @Test
    void rangeNotSatisfiableWithAWholePartInstallsIt() throws Exception {
        partFile(bytes);
        server.enqueue(new MockResponse.Builder().code(416).setHeader("Content-Range", "bytes */" + bytes.length).build());

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(reports).containsExactly(new Progress(bytes.length, bytes.length, 0));
    }

    @Test
    void rangeNotSatisfiableWithAShortPartStartsOverOnce() throws Exception {
        partFile(Arrays.copyOf(bytes, 500));
        server.enqueue(new MockResponse.Builder().code(416).setHeader("Content-Range", "bytes */400").build());
        server.enqueue(whole(bytes));

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=500-");
        assertThat(server.takeRequest().getHeaders().get("Range")).isNull();
    }

    @Test
    void aFileWithTheWrongChecksumIsRemovedNotInstalled() {
        byte[] other = bytes.clone();
        other[1234] ^= 1;
        server.enqueue(whole(other));

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.sentence()).startsWith("The downloaded file did not match the published checksum of "
                    + "Test Model, so it was removed.");
            assertThat(failed.partKept()).isFalse();
        });
        assertThat(folder.partPath(model)).doesNotExist();
        assertThat(folder.path(model)).doesNotExist();
    }

    @Test
    void aBodyLongerThanAnnouncedIsCutOffAndRemoved() throws Exception {
        partFile(Arrays.copyOf(bytes, 1_000));
        server.enqueue(new MockResponse.Builder().code(206).setHeader("Content-Range", "bytes 1000-1999/2000")
                .body(new Buffer().write(bytes, 1_000, bytes.length - 1_000)).build());

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Failed(host() + " sent more than the 2 kB it announced for Test Model, "
                + "so the download was removed. Try again later, or use another mirror.", false));
        assertThat(folder.partPath(model)).doesNotExist();
    }

    @Test
    void notEnoughFreeSpaceFailsBeforeAnythingIsAsked() {
        freeBytes = 1_000;

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Failed("Not enough free disk space for Test Model: it needs 300 kB, "
                + "and " + folder.folder() + " has 1 kB free. Free some space and run the download again.", false));
        assertThat(server.getRequestCount()).isZero();
        assertThat(folder.partPath(model)).doesNotExist();
        assertThat(reports).isEmpty();
    }

    @Test
    void onlyTheBytesStillMissingNeedFreeSpace() throws Exception {
        partFile(Arrays.copyOf(bytes, 200_000));
        freeBytes = 100_000;
        server.enqueue(rest(bytes, 200_000));

        assertThat(download().run(model, reports::add, new DownloadStop())).isInstanceOf(Outcome.Installed.class);
    }

    @Test
    void aFullDiskIsASentenceAndKeepsThePart() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "this system has no /dev/full");
        Files.createDirectories(folder.folder());
        Files.createSymbolicLink(folder.partPath(model), full);
        server.enqueue(whole(bytes));

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.sentence()).startsWith("The disk is full: " + folder.folder()
                    + " has no room for the rest of Test Model. Free some space and run the download again");
            assertThat(failed.partKept()).isTrue();
        });
        assertThat(folder.path(model)).doesNotExist();
    }

    @Test
    void stoppingKeepsTheBytesAndALaterRunResumes() throws Exception {
        server.enqueue(whole(bytes));
        var stop = new DownloadStop();

        Outcome first = download().run(model, p -> {
            reports.add(p);
            clock.addAndGet(SECOND);
            if (reports.size() >= 2 && p.bytes() > 0) stop.ask(); // after the second report with bytes in it
        }, stop);

        long kept = folder.partialBytes(model);
        assertThat(first).isEqualTo(new Outcome.Stopped(kept));
        assertThat(kept).isPositive().isLessThan(bytes.length);
        assertThat(Files.readAllBytes(folder.partPath(model))).isEqualTo(Arrays.copyOf(bytes, (int) kept));

        server.enqueue(rest(bytes, kept));
        assertThat(download().run(model, reports::add, new DownloadStop())).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(Files.readAllBytes(folder.path(model))).isEqualTo(bytes);
    }

    /** A server that sends 100 kB then holds the line: the stop must not wait for the read timeout. */
    @Test
    void aStopEndsAReadThatWaitsOnAStalledServer() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        byte[] first = Arrays.copyOf(bytes, 100_000);
        server.enqueue(new MockResponse.Builder().body(new mockwebserver3.MockResponseBody() {
            @Override
            public long getContentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                sink.write(first).flush();
                try {
                    release.await(120, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }).build());
        var patient = http.newBuilder().readTimeout(java.time.Duration.ofMinutes(2)).build();
        var download = new ModelDownload(patient, folder, Optional.of(URI.create(server.url("/").toString())),
                clock::get, path -> freeBytes);
        var stop = new DownloadStop();
        var reachedTheStall = new java.util.concurrent.CountDownLatch(1);
        try (var thread = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            var running = thread.submit(() -> download.run(model, p -> {
                clock.addAndGet(SECOND);
                if (p.bytes() == first.length) reachedTheStall.countDown();
            }, stop));
            assertThat(reachedTheStall.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            stop.ask();
            // within the read timeout of two minutes, which a flag alone would have waited out
            assertThat(running.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(new Outcome.Stopped(first.length));
        } finally {
            release.countDown();
            patient.dispatcher().executorService().shutdown();
        }
        assertThat(folder.partPath(model)).hasBinaryContent(first);
    }

    @Test
    void aStopBeforeStartingAsksNothing() {
        var asked = new DownloadStop();
        asked.ask();
        assertThat(download().run(model, reports::add, asked)).isEqualTo(new Outcome.Stopped(0));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void notFoundIsASentenceWithTheCode() {
        server.enqueue(new MockResponse.Builder().code(404).body("Entry not found").build());

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Failed(host() + " answered 404 for Test Model: it has no such file; it "
                + "may have moved, and a newer Postwright may know where.", false));
        assertThat(folder.partPath(model)).doesNotExist();
    }

    @Test
    void aServerErrorKeepsThePart() throws Exception {
        partFile(Arrays.copyOf(bytes, 1_000));
        server.enqueue(new MockResponse.Builder().code(503).build());

        Outcome outcome = download().run(model, reports::add, new DownloadStop());

        assertThat(outcome).isEqualTo(new Outcome.Failed(host() + " answered 503 for Test Model: it had a problem of its "
                + "own; try again later. Run it again to resume from 1 kB.", true));
        assertThat(folder.partialBytes(model)).isEqualTo(1_000);
    }

    @Test
    void anUnreachableMirrorIsASentence() throws Exception {
        URI nobody = server.url("/").uri();
        server.close();

        Outcome outcome = new ModelDownload(http, folder, Optional.of(nobody), clock::get, f -> freeBytes)
                .run(model, reports::add, new DownloadStop());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> assertThat(failed.sentence())
                .startsWith("Could not reach " + nobody.getHost() + ":" + nobody.getPort() + " to download Test Model (")
                .endsWith("Check the connection and the mirror's address."));
    }

    @Test
    void anInstalledModelIsNotDownloadedAgain() throws Exception {
        Files.createDirectories(folder.folder());
        Files.write(folder.path(model), bytes);

        assertThat(download().run(model, reports::add, new DownloadStop())).isEqualTo(new Outcome.Installed(folder.path(model)));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theMirrorReplacesHuggingFaceInTheCuratedAddress() {
        var none = new ModelDownload(http, folder, Optional.empty(), clock::get, f -> freeBytes);
        var mirror = new ModelDownload(http, folder, Optional.of(URI.create("https://models.example.com/hf/")),
                clock::get, f -> freeBytes);

        assertThat(none.source(model)).isEqualTo(URI.create("https://huggingface.co/test/x.gguf"));
        assertThat(mirror.source(model)).isEqualTo(URI.create("https://models.example.com/hf/test/x.gguf"));
    }

    @Test
    void progressInWords() {
        assertThat(new Progress(312_000_000L, 1_117_320_736L, 8_400_000).words()).isEqualTo("312 MB of 1.1 GB · 8.4 MB/s");
        assertThat(new Progress(0, 1_117_320_736L, 0).words()).isEqualTo("0 bytes of 1.1 GB");
        assertThat(new Progress(250, 1_000, 0).fraction()).isEqualTo(0.25);
    }

    @Test
    void readsContentRanges() {
        assertThat(ContentRange.parse("bytes 100-199/200")).contains(new ContentRange(100, 200));
        assertThat(ContentRange.parse("bytes */200")).contains(new ContentRange(-1, 200));
        assertThat(ContentRange.parse("bytes 0-9/*")).contains(new ContentRange(0, -1));
        assertThat(ContentRange.parse("pages 1-2/3")).isEmpty();
        assertThat(ContentRange.parse(null)).isEmpty();
    }

    private ModelDownload download() {
        return new ModelDownload(http, folder, Optional.of(server.url("/").uri()), clock::get, f -> freeBytes);
    }

    private String host() {
        return server.getHostName() + ":" + server.getPort();
    }

    private void partFile(byte[] content) throws IOException {
        Files.createDirectories(folder.folder());
        Files.write(folder.partPath(model), content);
    }

    private static MockResponse whole(byte[] content) {
        return new MockResponse.Builder().body(new Buffer().write(content)).build();
    }

    private static MockResponse rest(byte[] content, long from) {
        return new MockResponse.Builder().code(206)
                .setHeader("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length)
                .body(new Buffer().write(content, (int) from, (int) (content.length - from))).build();
    }

    static byte[] testBytes(int length) {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        return content;
    }

    static CuratedModel modelOf(byte[] content) {
        return new CuratedModel("test-model", "Test Model", content.length, "MIT", "tests",
                URI.create("https://huggingface.co/test/x.gguf"), sha256(content), OptionalInt.empty());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
