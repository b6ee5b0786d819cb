package dev.postwright.seo;

import dev.postwright.seo.text.PostTexts;
import java.util.Arrays;
import java.util.Locale;
import org.commonmark.parser.Parser;

/**
 * SEO analysis time by post length, against parsing the same Markdown with commonmark-java alone
 * (the floor any Markdown-based analysis pays), in one run.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.seo.SeoBenchmark</pre>
 */
public final class SeoBenchmark {
    private static final int[] SIZES = {2_000, 5_000, 10_000, 20_000};

    public static void main(String[] args) {
        var analyzer = SeoAnalyzer.standard();
        var parser = Parser.builder().build();
        var meta = new PostTexts.Meta("Sourdough Bread for Beginners", "Sourdough bread for beginners: feed a starter, "
                + "shape and proof the dough, and bake a crusty loaf at home.", "sourdough-bread", "sourdough bread",
                "bakery.example", 1);
        System.out.printf(Locale.ROOT, "Java %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        String[] posts = Arrays.stream(SIZES).mapToObj(SeoBenchmark::post).toArray(String[]::new);
        // Warm-up until the JIT has settled: a few seconds over every size.
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (String p : posts) {
                analyzer.analyze(p, meta);
                parser.parse(p);
            }
        }
        double base = 0;
        for (int i = 0; i < SIZES.length; i++) {
            String p = posts[i];
            int runs = Math.max(20, 400_000 / SIZES[i]);
            double[] analysis = time(runs, () -> analyzer.analyze(p, meta));
            double[] parse = time(runs, () -> parser.parse(p));
            double median = analysis[runs / 2];
            if (i == 0) base = median / SIZES[0];
            System.out.printf(Locale.ROOT, "%,6d words: analysis median %.2f ms (p99 %.2f), commonmark parse alone "
                            + "%.2f ms, analysis/parse %.1fx, per 1,000 words %.2f ms (%.2fx the 2,000-word rate)%n",
                    SIZES[i], median, analysis[(int) (runs * 0.99)], parse[runs / 2], median / parse[runs / 2],
                    median / SIZES[i] * 1000, median / SIZES[i] / base);
        }
    }

    private static double[] time(int runs, Runnable work) {
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            work.run();
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** A realistic post: a subheading every ~250 words, links, an image, lists. */
    static String post(int words) {
        var out = new StringBuilder("# Sourdough bread for beginners\n\nSourdough bread is easier than it looks. ");
        int written = 0;
        int section = 0;
        while (written < words) {
            out.append("\n\n## Step ").append(++section).append(": shape the sourdough\n\n");
            out.append(Posts.sentences(12)).append(" However, see [the study](https://science.example/").append(section)
                    .append(") and [our guide](/guides/").append(section).append(").\n\n");
            out.append("- ").append(Posts.sentences(1)).append("\n- ").append(Posts.sentences(1)).append("\n\n");
            out.append(Posts.sentences(8)).append("\n\n![IMAGE:photo:A sourdough bread loaf ").append(section).append(']');
            written += 250;
        }
        return out.toString();
    }
}
