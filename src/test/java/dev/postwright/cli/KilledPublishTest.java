package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.LibraryPost;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.queue.QueueSettings;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.settings.SecretStores;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.PostLibrary;
import dev.postwright.testing.SiteProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postwright publish} killed (SIGKILL) after the site made the post and before its answer
 * arrived: the next start finds the job the dead process left running, runs it again, and the
 * marker makes it update that post instead of creating a second.
 */
class KilledPublishTest {
    @TempDir Path dir;

    @Test
    void aPublishKilledMidCreateResumesAndLeavesOnePostOnTheSite() throws Exception {
        Properties wp = TestWordPress.site();
        Path config = dir.resolve("config");
        Path data = dir.resolve("data");
        try (var proxy = SiteProxy.holdingFirstCreate(URI.create(wp.getProperty("url")))) {
            var sites = new SiteBook(config, SecretStores.forThisComputer(config));
            sites.save(new Site("Blog", proxy.address(), wp.getProperty("user")), wp.getProperty("applicationPassword"));
            LibraryPost post;
            try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0),
                    Clock.systemUTC())) {
                post = engine.library().save(new PostLibrary.NewPost(new BlogPost("Killed mid-create", null,
                        "Words that must arrive once.", "A description.", List.of(), List.of(), null, List.of(),
                        List.of(), null, null, Embeds.NONE), "org", "killed-" + System.nanoTime(), null, "draft", 5, null));
            }

            Path log = dir.resolve("publish.log");
            Process publishing = PostwrightProcess.start(log, "publish", post.id(), "--site", "Blog",
                    "--data-dir", data.toString(), "--config-dir", config.toString());
            assertThat(proxy.awaitCreated(Duration.ofSeconds(90))).as(() -> read(log)).isTrue();
            publishing.destroyForcibly();
            assertThat(publishing.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(TestWordPress.postsCarrying(post.id())).as("the site made the post").isEqualTo(1);

            try (var engine = LocalEngine.open(data, OfflineWriter::new, OfflineImageMaker::new, SeoAnalyzer::standard,
                    new LocalEngine.Publishing(sites, LocalEngine.siteClient()), QueueSettings.DEFAULTS.withWorkers(1),
                    Clock.systemUTC())) {
                JobStatus left = engine.jobs().list(10).stream().filter(j -> j.kind() == JobKind.PUBLISH).findFirst()
                        .orElseThrow();
                assertThat(left.state()).isEqualTo(JobState.RUNNING);
                engine.jobs().start();
                JobStatus done = engine.jobs().whenFinished(left.jobId()).get(90, TimeUnit.SECONDS);

                assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
                assertThat(done.attempts()).isEqualTo(2);
                assertThat(TestWordPress.postsCarrying(post.id())).as("still one post on the site").isEqualTo(1);
                assertThat(engine.publications().ofPost(post.id())).hasSize(1);
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
