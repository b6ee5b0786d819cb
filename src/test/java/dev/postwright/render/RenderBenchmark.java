package dev.postwright.render;

import dev.postwright.seo.Posts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Postwright's renderer against raw commonmark-java (no extensions, no escaping) in one run:
 * on the CommonMark spec text, and on a 12 KB post with embeds and placeholders.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.render.RenderBenchmark</pre>
 */
public final class RenderBenchmark {
    public static void main(String[] args) throws IOException {
        String spec = resource("/spec.txt");
        String post = post12k();
        var ours = new PostRenderer();
        var parser = Parser.builder().build();
        var html = HtmlRenderer.builder().build();
        Supplier<String> raw = () -> html.render(parser.parse(spec));
        Supplier<String> oursOnSpec = () -> ours.renderBody(spec, PostRendererGoldenTest.EMBEDS);
        Supplier<String> rawPost = () -> html.render(parser.parse(post));
        Supplier<String> oursOnPost = () -> ours.renderBody(post, PostRendererGoldenTest.EMBEDS);
        System.out.printf(Locale.ROOT, "Java %s, %d cores; spec.txt %,d bytes; post %,d bytes%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                spec.getBytes(StandardCharsets.UTF_8).length, post.getBytes(StandardCharsets.UTF_8).length);
        long warmUntil = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            raw.get();
            oursOnSpec.get();
            rawPost.get();
            oursOnPost.get();
        }
        // Interleaved rounds, so drift on a shared machine hits both sides alike.
        int rounds = 15;
        double[] rawSpec = new double[rounds];
        double[] ourSpec = new double[rounds];
        double[] rawP = new double[rounds];
        double[] ourP = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rawSpec[r] = median(raw, 20);
            ourSpec[r] = median(oursOnSpec, 20);
            rawP[r] = median(rawPost, 200);
            ourP[r] = median(oursOnPost, 200);
        }
        report("spec.txt", ourSpec, rawSpec);
        report("12 KB post", ourP, rawP);
    }

    private static void report(String what, double[] ours, double[] raw) {
        double[] ratio = new double[ours.length];
        for (int i = 0; i < ours.length; i++) ratio[i] = ours[i] / raw[i];
        Arrays.sort(ours);
        Arrays.sort(raw);
        Arrays.sort(ratio);
        int mid = ours.length / 2;
        System.out.printf(Locale.ROOT, "%s: Postwright median %.3f ms (min %.3f, max %.3f); raw commonmark %.3f ms "
                        + "(min %.3f, max %.3f); ratio median %.2fx (min %.2fx, max %.2fx)%n", what, ours[mid], ours[0],
                ours[ours.length - 1], raw[mid], raw[0], raw[raw.length - 1], ratio[mid], ratio[0], ratio[ratio.length - 1]);
    }

    private static double median(Supplier<String> work, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            if (work.get().isEmpty()) throw new IllegalStateException("nothing rendered");
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** About 12 KB: headings, lists, links, a table, embeds and visual placeholders. */
    static String post12k() {
        var out = new StringBuilder("# Sourdough for beginners\n\n");
        int section = 0;
        while (out.length() < 12 * 1024 - 900) {
            section++;
            out.append("## Step ").append(section).append("\n\n").append(Posts.sentences(6))
                    .append(" See [the study](https://science.example/").append(section).append(").\n\n")
                    .append("- ").append(Posts.sentences(1)).append("\n- **Tip:** ").append(Posts.sentences(1))
                    .append("\n\n").append(section % 2 == 0 ? "[TWEET:0]" : "[ARTICLE:0]").append("\n\n")
                    .append("![IMAGE:photo:Step ").append(section).append("]\n\n");
        }
        out.append("| Hours | Rise |\n|---|---|\n| 4 | 50% |\n| 8 | 100% |\n");
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RenderBenchmark.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " not on the classpath (commonmark-test-util)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
