package dev.postwright.ui.bench;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.Tweet;
import dev.postwright.queue.QueueSettings;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.Theme;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.Briefs;
import dev.postwright.ui.desk.DeskController;
import dev.postwright.ui.desk.JobViewModel;
import dev.postwright.ui.desk.PreviewView;
import dev.postwright.ui.desk.StepperView;
import dev.postwright.ui.fx.Coalescer;
import dev.postwright.ui.fx.PulseFrames;
import dev.postwright.ui.parts.Toasts;
import dev.postwright.ui.parts.UiServices;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The desk under load, headless (Monocle, software rendering), through the real path: a job in
 * the local engine streams 2,000 draft tokens a second for 60 s; its events go through the
 * SQLite log, the event pump and the coalescer into the job view model, the stepper and the
 * streaming preview. Reports how busy the FX thread was and the gaps between pulses, against
 * the same window idle; then the time from a {@code blog-result} with a 3,000-word post
 * arriving to the pulse that shows it, against raw commonmark-java rendering the same text.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.ui.bench.ResponsivenessBenchmark</pre>
 * Shorter: add {@code -Dbench.seconds=10}.
 */
public final class ResponsivenessBenchmark {
    private static final int RATE = 2_000;
    private static final int POSTS = 20;

    public static void main(String[] args) throws Exception {
        for (String[] p : new String[][] {{"glass.platform", "Monocle"}, {"monocle.platform", "Headless"},
                {"prism.order", "sw"}, {"prism.text", "t2k"}, {"headless.geometry", "1600x1200-32"}}) {
            System.setProperty(p[0], p[1]);
        }
        java.util.logging.LogManager.getLogManager().reset();
        int seconds = Integer.getInteger("bench.seconds", 60);
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService renderThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
        var dir = Files.createTempDirectory("postwright-fx-bench");
        try (var engine = LocalEngine.open(dir, new PacedWriter(RATE, seconds), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            var frames = new PulseFrames();
            var ui = new UiServices(frames, background, renderThread, new PostRenderer(),
                    new SimpleObjectProperty<>(Theme.LIGHT), url -> { }, new AnsweringFileDialogs(), new Toasts(),
                    java.time.Clock.systemDefaultZone());
            var controller = new DeskController(engine.jobs(), frames, background);
            JobViewModel job = controller.job();
            PreviewView preview = onFx(() -> {
                var view = new PreviewView(job, ui);
                var stage = new Stage();
                stage.setScene(new Scene(new BorderPane(view, new StepperView(job, () -> { }, () -> { }, id -> { }),
                        null, null, null), 1280, 820));
                stage.show();
                return view;
            });
            waitUntil(() -> onFx(() -> preview.preview().query("1")) != null);
            System.out.printf(Locale.ROOT, "Java %s, %d cores, JavaFX %s (Monocle headless, software rendering)%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("javafx.runtime.version"));

            try (var probe = new FxProbe()) {
                TimeUnit.SECONDS.sleep(2); // let the probe settle before the baseline window (a benchmark pause)
                probe.reset();
                TimeUnit.SECONDS.sleep(10); // baseline: the same window, idle, for 10 s
                var idle = probe.stats();

                probe.reset();
                onFx(() -> {
                    controller.generate(Briefs.sourdough(new JobOptions(false, false, "draft", true)));
                    return null;
                });
                waitUntil(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
                var streaming = probe.stats();
                int chars = onFx(() -> job.draftProperty().get().length());
                System.out.println(idle.line("idle window"));
                System.out.println(streaming.line(RATE + " tokens/s, " + seconds + " s"));
                System.out.printf(Locale.ROOT, "streamed %,d characters; p99 busy streaming/idle %.1fx, max gap "
                        + "streaming/idle %.1fx%n", chars, FxProbe.pct(streaming.lags(), 99) / FxProbe.pct(idle.lags(), 99),
                        FxProbe.pct(streaming.gaps(), 100) / FxProbe.pct(idle.gaps(), 100));
            }
            blogResultToScreen(job, preview, frames, background);
        } finally {
            background.shutdownNow();
            renderThread.shutdownNow();
            Platform.exit();
        }
    }

    /** blog-result offered to the coalescer (as the engine's pump does) → first pulse after the page shows it. */
    private static void blogResultToScreen(JobViewModel job, PreviewView preview, PulseFrames frames,
                                           ExecutorService background) throws Exception {
        var coalescer = new Coalescer<LoggedEvent>(frames, job::apply);
        var renderer = new PostRenderer();
        var parser = Parser.builder().build();
        var html = HtmlRenderer.builder().build();
        double[] shown = new double[POSTS];
        double[] raw = new double[POSTS];
        for (int i = -5; i < POSTS; i++) { // five warm-up rounds
            String marker = "Marker" + (i + 100);
            String markdown = post3000(marker);
            var post = new BlogPost("A 3,000-word post", null, markdown, "Meta", List.of(), List.of(), null, List.of(),
                    List.of(), null, null, new Embeds(List.of(new Tweet("https://x.com/a/status/1", "Crumb & Co",
                    "@crumb", "Feed your starter.", null, null, false)), List.of(), List.of()));
            String id = "bench-" + i;
            onFx(() -> {
                job.start(id);
                return null;
            });
            var seen = new CompletableFuture<Long>();
            String check = "document.getElementById('post-body').innerText.indexOf('" + marker + "') >= 0";
            onFx(() -> {
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        if (Boolean.TRUE.equals(preview.preview().query(check))) {
                            seen.complete(System.nanoTime());
                            stop();
                        }
                    }
                }.start();
                return null;
            });
            long offered = System.nanoTime();
            background.execute(() -> coalescer.offer(new LoggedEvent(id, 1, new JobEvent.BlogResult(post), Instant.now())));
            long at = seen.get(30, TimeUnit.SECONDS);
            long r0 = System.nanoTime();
            html.render(parser.parse(markdown));
            long r1 = System.nanoTime();
            renderer.renderBody(markdown, post.embeds()); // keeps both renderers equally warm
            if (i >= 0) {
                shown[i] = (at - offered) / 1e6;
                raw[i] = (r1 - r0) / 1e6;
            }
        }
        Arrays.sort(shown);
        Arrays.sort(raw);
        System.out.printf(Locale.ROOT, "blog-result (3,000 words, %d runs) to the pulse that shows it: median %.1f ms, "
                + "p95 %.1f ms, max %.1f ms; raw commonmark render of the same text: median %.2f ms%n", POSTS,
                shown[POSTS / 2], shown[(int) (POSTS * 0.95)], shown[POSTS - 1], raw[POSTS / 2]);
    }

    /** About 3,000 words in sections, with a list, a quote and an embed. */
    static String post3000(String marker) {
        var out = new StringBuilder("# A 3,000-word post\n\n");
        for (int s = 0; s < 15; s++) {
            out.append("## Section ").append(s + 1).append("\n\n");
            for (int p = 0; p < 4; p++) {
                for (int w = 0; w < 48; w++) out.append(w == 0 ? "Bread" : " word").append(w % 12 == 11 ? "." : "");
                out.append(".\n\n");
            }
            if (s == 3) out.append("- one\n- two\n- three\n\n> A quote.\n\n[TWEET:0]\n\n");
        }
        return out.append(marker).append(".\n").toString();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} every 50 ms for up to 5 minutes. */
    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
