package dev.postwright.publish;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobState;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.PublishRequest;
import dev.postwright.model.StoredImage;
import dev.postwright.publish.wordpress.PostDraft;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.publish.wordpress.WordPressClient;
import dev.postwright.queue.QueueSettings;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A publish job against the real WordPress of the tests (src/test/wordpress/start.sh, PHP's
 * built-in server and MariaDB on loopback): a new post with two pictures through the queue, the
 * same REST calls made directly by {@link WordPressClient} in the same run (the baseline), and the
 * same post published again unchanged (its pictures reused, the post updated).
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.publish.PublishBenchmark</pre>
 */
public final class PublishBenchmark {
    private static final int ROUNDS = 20;
    private static final int WARM_UP = 5;

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        System.setProperty("java.awt.headless", "true");
        Properties wp = TestWordPress.site();
        Path dir = Files.createTempDirectory("postwright-publish-bench");
        var sites = new SiteBook(dir.resolve("config"), new PrivateFileSecrets(dir.resolve("config")));
        var site = new Site("Blog", URI.create(wp.getProperty("url")), wp.getProperty("user"));
        sites.save(site, wp.getProperty("applicationPassword"));
        var http = LocalEngine.siteClient();
        var direct = new WordPressClient(http, site, wp.getProperty("applicationPassword"), PostPublisher.TIMEOUT);
        System.out.printf(Locale.ROOT, "Java %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (var engine = LocalEngine.open(dir.resolve("data"), OfflineWriter::new, OfflineImageMaker::new,
                SeoAnalyzer::standard, new LocalEngine.Publishing(sites, http), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            double[] job = new double[ROUNDS];
            double[] calls = new double[ROUNDS];
            double[] again = new double[ROUNDS];
            for (int i = -WARM_UP; i < ROUNDS; i++) {
                LibraryPost post = post(engine, 10_000 + i);
                double t1 = publish(engine, post);
                double t2 = directly(direct, 20_000 + i);
                double t3 = publish(engine, post);
                if (i >= 0) {
                    job[i] = t1;
                    calls[i] = t2;
                    again[i] = t3;
                }
            }
            Arrays.sort(job);
            Arrays.sort(calls);
            Arrays.sort(again);
            double m1 = job[ROUNDS / 2], m2 = calls[ROUNDS / 2], m3 = again[ROUNDS / 2];
            System.out.printf(Locale.ROOT, "first publish, 2 pictures, through the queue: median %.0f ms (%.0f–%.0f)%n",
                    m1, job[0], job[ROUNDS - 1]);
            System.out.printf(Locale.ROOT, "the same REST calls made directly: median %.0f ms (%.0f–%.0f); queue / direct "
                    + "%.2fx%n", m2, calls[0], calls[ROUNDS - 1], m1 / m2);
            System.out.printf(Locale.ROOT, "publishing again, unchanged (pictures reused, post updated): median %.0f ms "
                    + "(%.0f–%.0f); again / first %.2fx%n", m3, again[0], again[ROUNDS - 1], m3 / m1);
        }
    }

    private static LibraryPost post(LocalEngine engine, int n) throws Exception {
        LibraryPost post = engine.library().save(new PostLibrary.NewPost(new BlogPost("Benchmark post " + n, null,
                "Opening words.", "A description of the post.", List.of(), List.of(), null, List.of(), List.of(), null,
                null, Embeds.NONE), "org", "bench-" + n + "-" + System.nanoTime(), "rye", "draft", 2, null));
        StringBuilder text = new StringBuilder("Opening words.");
        for (int k = 0; k < 2; k++) {
            StoredImage image = engine.images().save(new ImageStore.NewImage(png(n * 2 + k), "image/png", 320, 200,
                    k == 0 ? "featured" : "inline", "p", "Picture " + k, "test", null, post.id(), null));
            text.append("\n\n").append(ImageRefs.markdown(image.altText(), image.id()));
        }
        return engine.library().update(post.id(), new PostLibrary.Revision(post.post().withText(post.post().title(),
                post.post().metaDescription(), text.toString()), "rye", "draft", 2), "pictures").orElseThrow();
    }

    private static double publish(LocalEngine engine, LibraryPost post) throws Exception {
        long t = System.nanoTime();
        String id = engine.jobs().enqueue(new PublishRequest(post.id(), "Blog", "draft", null, List.of("Bench"),
                List.of("timing"), false), null);
        var done = engine.jobs().whenFinished(id).get(120, TimeUnit.SECONDS);
        if (done.state() != JobState.SUCCEEDED) throw new IllegalStateException(done.error());
        return (System.nanoTime() - t) / 1e6;
    }

    /** What a first publish asks of the site, without the queue, the library or the HTML. */
    private static double directly(WordPressClient client, int n) throws Exception {
        long t = System.nanoTime();
        var featured = client.upload("f" + n + ".png", "image/png", png(n * 2), "Picture 0");
        var inline = client.upload("i" + n + ".png", "image/png", png(n * 2 + 1), "Picture 1");
        List<Long> categories = client.ensureTerms("categories", List.of("Bench"));
        List<Long> tags = client.ensureTerms("tags", List.of("timing"));
        client.seoFields();
        String marker = "bench-direct-" + n + "-" + System.nanoTime();
        client.createOnce(new PostDraft(marker, "Direct " + n, "<p>Opening words.</p><p><img src=\"" + inline.sourceUrl()
                + "\" alt=\"Picture 1\"></p>", PostDraft.Status.DRAFT, Optional.empty(), "direct-" + n,
                "A description of the post.", categories, tags, Optional.of(featured.id()), Map.of()));
        return (System.nanoTime() - t) / 1e6;
    }

    private static byte[] png(int seed) throws Exception {
        var image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) for (int y = 0; y < 200; y++) image.setRGB(x, y, (seed * 7919 + x * 31 + y) & 0xFFFFFF);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
