package dev.postwright.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.builtin.download.CuratedModel;
import dev.postwright.llm.builtin.download.ModelDownload;
import dev.postwright.llm.builtin.download.ModelFolder;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.ui.settings.ModelDownloadsForm.Row;
import dev.postwright.ui.settings.ModelDownloadsForm.Status;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloads under "Built-in model", against a loopback server standing in for Hugging Face. */
class ModelDownloadsFormTest {
    private static final byte[] FILE = new byte[300_000];

    static {
        new Random(7).nextBytes(FILE);
    }

    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = new OkHttpClient();
    final SettingsStatus status = new SettingsStatus();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicReference<Path> used = new AtomicReference<>();
    /** Bytes per 50 ms the server sends the first answer at; later answers are not held back. */
    volatile long firstAnswerPace = Long.MAX_VALUE;
    ModelFolder folder;

    @BeforeEach
    void serve() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String range = request.getHeaders().get("Range");
                ranges.add(range == null ? "none" : range);
                int from = range == null ? 0 : Integer.parseInt(range.replaceAll("\\D", ""));
                var answer = new MockResponse.Builder().code(range == null ? 200 : 206)
                        .body(new Buffer().write(FILE, from, FILE.length - from));
                if (range != null) answer.setHeader("Content-Range", "bytes " + from + "-" + (FILE.length - 1) + "/" + FILE.length);
                if (ranges.size() == 1 && firstAnswerPace != Long.MAX_VALUE) {
                    answer.throttleBody(firstAnswerPace, 50, TimeUnit.MILLISECONDS);
                }
                return answer.build();
            }
        });
        server.start();
        folder = new ModelFolder(dir);
    }

    @AfterEach
    void close() throws Exception {
        background.close();
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private static CuratedModel model(byte[] content) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return new CuratedModel("tiny-instruct", "Tiny Instruct", FILE.length, "Apache 2.0", "Trying things out",
                URI.create("https://huggingface.co/test/tiny/resolve/abc/tiny.gguf"), sha, OptionalInt.empty());
    }

    private ModelDownloadsForm form(CuratedModel model, Path writingNow) {
        var download = new ModelDownload(client, folder, Optional.of(URI.create(server.url("/").toString())),
                System::nanoTime, ModelDownload.FreeSpace.fileStore());
        return new ModelDownloadsForm(List.of(model), download, folder, new FxTasks(background, frames), status,
                used::set, writingNow::equals);
    }

    @Test
    void aModelIsDownloadedWithItsProgressThenUsedThenRemoved() throws Exception {
        var form = form(model(FILE), dir.resolve("elsewhere.gguf"));
        Row row = form.rows().getFirst();
        assertThat(row.facts()).isEqualTo("300 kB · Apache 2.0 · Trying things out");
        frames.runDue();
        assertThat(row.statusProperty().get()).isEqualTo(Status.NOT_DOWNLOADED);
        List<String> said = new CopyOnWriteArrayList<>();
        row.progressProperty().addListener((o, was, now) -> said.add(now));

        form.download(row);
        assertThat(row.statusProperty().get()).isEqualTo(Status.DOWNLOADING);
        frames.runUntil(() -> row.statusProperty().get() == Status.INSTALLED);
        Path file = folder.path(row.model());
        assertThat(file).hasBinaryContent(FILE);
        assertThat(said).anyMatch(s -> s.matches("\\d+ kB of 300 kB.*"));
        assertThat(row.progressProperty().get()).isEqualTo("Downloaded and checked: " + file);
        assertThat(row.fractionProperty().get()).isEqualTo(1.0);

        form.use(row);
        assertThat(used.get()).isEqualTo(file);
        assertThat(status.messageProperty().get()).isEqualTo("Tiny Instruct is chosen. Save settings to write with it.");

        form.remove(row);
        frames.runUntil(() -> row.statusProperty().get() == Status.NOT_DOWNLOADED);
        assertThat(file).doesNotExist();
        assertThat(status.messageProperty().get()).isEqualTo("Removed Tiny Instruct from " + folder.folder() + ".");
    }

    @Test
    void aPausedDownloadIsKeptAcrossARestartAndResumesWhereItStopped() throws Exception {
        firstAnswerPace = 8_192; // about 2 s for the file: time to pause it
        var form = form(model(FILE), dir.resolve("elsewhere.gguf"));
        Row row = form.rows().getFirst();
        form.download(row);
        frames.runUntil(() -> row.fractionProperty().get() > 0);
        form.pause(row);
        frames.runUntil(() -> row.statusProperty().get() == Status.PAUSED);
        long kept = folder.partialBytes(row.model());
        assertThat(kept).isBetween(1L, FILE.length - 1L);
        assertThat(row.progressProperty().get()).startsWith("Paused at ").endsWith(" of 300 kB.");

        var afterRestart = form(model(FILE), dir.resolve("elsewhere.gguf"));
        Row again = afterRestart.rows().getFirst();
        frames.runUntil(() -> again.statusProperty().get() == Status.PAUSED);
        assertThat(again.fractionProperty().get()).isEqualTo((double) kept / FILE.length);
        afterRestart.download(again);
        frames.runUntil(() -> again.statusProperty().get() == Status.INSTALLED);
        assertThat(ranges).containsExactly("none", "bytes=" + kept + "-");
        assertThat(folder.path(again.model())).hasBinaryContent(FILE);
    }

    @Test
    void aFileThatDoesNotMatchItsChecksumIsSaidAndNotKept() throws Exception {
        byte[] other = FILE.clone();
        other[1_000] ^= 1;
        var form = form(model(other), dir.resolve("elsewhere.gguf"));
        Row row = form.rows().getFirst();
        form.download(row);
        frames.runUntil(() -> row.statusProperty().get() == Status.NOT_DOWNLOADED);
        assertThat(row.progressProperty().get()).contains("did not match");
        assertThat(row.failedProperty().get()).isTrue();
        assertThat(folder.path(row.model())).doesNotExist();
        assertThat(folder.partPath(row.model())).doesNotExist();
    }

    @Test
    void theModelWritingNowIsNotRemoved() throws Exception {
        CuratedModel model = model(FILE);
        Files.createDirectories(folder.folder());
        Files.write(folder.path(model), FILE);
        var form = form(model, folder.path(model));
        Row row = form.rows().getFirst();
        frames.runUntil(() -> row.statusProperty().get() == Status.INSTALLED);
        form.remove(row);
        assertThat(status.messageProperty().get())
                .isEqualTo("Tiny Instruct is writing now. Choose another writer and save before removing it.");
        assertThat(folder.path(model)).exists();
    }
}
