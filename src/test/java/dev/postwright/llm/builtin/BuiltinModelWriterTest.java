package dev.postwright.llm.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.Brief;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.Topic;
import dev.postwright.settings.BuiltinChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in writer through the real llama.cpp library, with a tiny random model: the point is
 * the path (loading, streaming, cancelling, the grammar), not the prose, which is gibberish.
 */
class BuiltinModelWriterTest {
    private static final Machine MACHINE = new Machine(2, 0);
    private static final Brief BRIEF = Brief.of(new JobRequest(Topic.titled("Rye bread"),
            new BusinessInfo("Bakery", null, null, null), "org-1", null, JobOptions.DEFAULTS, List.of(), null),
            OrganizationProfile.empty("org-1"));
    private static final Outline OUTLINE = new Outline("Rye bread", "article",
            List.of(new Outline.Section("Why rye", List.of("flavour"))));

    /** Jobs run on worker threads of their own; the common pool has one thread on two cores. */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool();

    @TempDir static Path dir;
    static Path tiny;
    static ModelLoading loading;
    static BuiltinModelWriter writer;

    @BeforeAll
    static void load() throws Exception {
        tiny = dir.resolve("tiny.gguf");
        GgufWriter.write(tiny, 42);
        loading = ModelLoading.start(new BuiltinChoice(tiny, 2, 0, 0), MACHINE, Runnable::run);
        assertThat(loading.state()).isInstanceOf(ModelLoading.State.Ready.class);
        writer = new BuiltinModelWriter(loading, 7);
    }

    @AfterAll
    static void release() {
        WORKERS.shutdownNow();
        loading.release();
    }

    @Test
    void namesTheModelFromItsFile() {
        assertThat(writer.model()).isEqualTo("postwright-tiny-test");
        assertThat(writer.isScaffold()).isFalse();
    }

    @Test
    void theDraftStreamsPieceByPiece() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();
        var draft = writer.draft(BRIEF, OUTLINE, pieces::add, new CancellationToken());
        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(draft.markdown());
        assertThat(draft.tokensUsed()).isGreaterThanOrEqualTo(pieces.size());
    }

    @Test
    void theOutlineMetadataAndVisualsAreJsonOfTheirSchemaEvenFromARandomModel() throws Exception {
        Outline outline = writer.outline(BRIEF, new CancellationToken());
        assertThat(outline.sections()).hasSizeBetween(3, 8)
                .allSatisfy(s -> assertThat(s.points()).hasSizeBetween(1, 5));
        assertThat(outline.kind()).isIn("how-to", "list", "guide", "comparison", "article");
        var metadata = writer.metadata(BRIEF, outline, "Some text about rye bread.", new CancellationToken());
        assertThat(metadata.metaDescription().length()).isBetween(50, 200);
        assertThat(metadata.tags()).hasSizeLessThanOrEqualTo(8);
        var visuals = writer.visuals(BRIEF, "Some text about rye bread.", new CancellationToken());
        assertThat(visuals).hasSizeBetween(1, 8)
                .allSatisfy(v -> assertThat(v.priority()).isIn("high", "medium", "low"));
    }

    @Test
    void aRewriteReturnsText() throws Exception {
        String text = writer.rewrite(new SpanRewriter.Rewrite("Rye bread", "rye bread", "the introduction",
                "Use the keyphrase.", "Bread is good."), new CancellationToken());
        assertThat(text).isNotBlank();
    }

    /** As the queue does it: the job's cancel fires on another thread while the worker reads tokens. */
    @Test
    void cancellingFromAnotherThreadStopsTheDraftAndFreesTheModelForTheNextJob() throws Exception {
        var cancel = new CancellationToken();
        List<String> pieces = new CopyOnWriteArrayList<>();
        var tenPieces = new CountDownLatch(10);
        var drafting = CompletableFuture.runAsync(() -> {
            try {
                writer.draft(BRIEF, OUTLINE, piece -> {
                    pieces.add(piece);
                    tenPieces.countDown();
                }, cancel);
            } catch (JobFailure e) {
                throw new AssertionError(e);
            }
        }, WORKERS);
        assertThat(tenPieces.await(30, TimeUnit.SECONDS)).isTrue();
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        assertThatThrownBy(() -> drafting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(JobCancelledException.class);
        int atCancel = pieces.size();
        assertThat(atCancel).isLessThan(2_000);
        assertThat(writer.draft(BRIEF, OUTLINE, piece -> { }, new CancellationToken()).markdown()).isNotBlank();
        assertThat(pieces).hasSize(atCancel); // nothing more arrived after the cancel
    }

    @Test
    void aJobWaitingForItsTurnCanBeCancelled() throws Exception {
        var first = new CancellationToken();
        var firstStarted = new CountDownLatch(1);
        var running = CompletableFuture.runAsync(() -> {
            try {
                writer.draft(BRIEF, OUTLINE, piece -> firstStarted.countDown(), first);
            } catch (JobFailure e) {
                throw new AssertionError(e);
            }
        }, WORKERS);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        var second = new CancellationToken();
        var waiting = CompletableFuture.runAsync(() -> {
            try {
                writer.draft(BRIEF, OUTLINE, piece -> { }, second);
            } catch (JobFailure e) {
                throw new AssertionError(e);
            }
        }, WORKERS);
        second.cancel(CancellationToken.Reason.CANCELLED);
        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(JobCancelledException.class);
        first.cancel(CancellationToken.Reason.CANCELLED);
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(JobCancelledException.class);
    }

    @Test
    void aFileLlamaCppRefusesIsASentenceForTheJobNotACrash() throws Exception {
        // The header is whole, so only llama.cpp finds the missing end of the last tensor.
        byte[] bytes = Files.readAllBytes(tiny);
        Path cut = Files.write(dir.resolve("cut.gguf"), java.util.Arrays.copyOf(bytes, bytes.length - 64));
        var failed = ModelLoading.start(BuiltinChoice.of(cut), MACHINE, Runnable::run);
        assertThat(failed.state()).isInstanceOfSatisfying(ModelLoading.State.Failed.class, f -> assertThat(f.message())
                .startsWith("llama.cpp could not load cut.gguf (").endsWith("The file may be damaged, or a kind of model "
                        + "this version does not run."));
        var job = new BuiltinModelWriter(failed, 1);
        assertThatThrownBy(() -> job.outline(BRIEF, new CancellationToken())).isInstanceOfSatisfying(JobFailure.class,
                e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void aModelReleasedWhileItLoadedIsFreedAndJobsWaitingForItAreTold() throws Exception {
        var pending = new java.util.concurrent.ArrayBlockingQueue<Runnable>(1);
        var later = ModelLoading.start(BuiltinChoice.of(tiny), MACHINE, pending::add);
        List<ModelLoading.State> states = new CopyOnWriteArrayList<>();
        later.listen(states::add);
        later.release();
        pending.take().run(); // the load runs after the release: the model is closed as soon as it is there
        assertThat(states.getLast()).isInstanceOf(ModelLoading.State.Released.class);
        assertThatThrownBy(() -> new BuiltinModelWriter(later, 1).draft(BRIEF, OUTLINE, p -> { }, new CancellationToken()))
                .isInstanceOfSatisfying(JobFailure.class, e -> assertThat(e.getMessage())
                        .contains("changed in Settings"));
    }

    @Test
    void releasingDuringAGenerationLetsItFinishThenRefusesTheNext() throws Exception {
        var own = ModelLoading.start(BuiltinChoice.of(tiny), MACHINE, Runnable::run);
        var ownWriter = new BuiltinModelWriter(own, 3);
        var started = new CountDownLatch(1);
        var cancel = new CancellationToken();
        var running = CompletableFuture.runAsync(() -> {
            try {
                ownWriter.draft(BRIEF, OUTLINE, piece -> {
                    started.countDown();
                }, cancel);
            } catch (JobFailure e) {
                throw new AssertionError(e);
            }
        }, WORKERS);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        own.release(); // must not free native memory under the running generation
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(JobCancelledException.class);
        assertThatThrownBy(() -> ownWriter.outline(BRIEF, new CancellationToken())).isInstanceOfSatisfying(
                JobFailure.class, e -> assertThat(e.isTransient()).isTrue());
    }
}
