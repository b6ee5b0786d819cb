package dev.postwright.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.model.PublishRequest;
import dev.postwright.model.StoredImage;
import dev.postwright.publish.wordpress.PostDraft;
import dev.postwright.publish.wordpress.RemotePost;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.publish.wordpress.WordPressClient;
import dev.postwright.queue.QueueSettings;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.Publications;
import dev.postwright.testing.RecordingListener;
import dev.postwright.testing.SiteProxy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish jobs through the real queue, a real SQLite file and the real WordPress of the tests
 * (src/test/wordpress/start.sh): what reaches the site, read back through its REST API.
 */
class PublishJobTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir Path dir;
    Properties wp;
    SiteBook sites;
    LocalEngine engine;
    final HttpClient http = LocalEngine.siteClient();

    @BeforeEach
    void open() throws Exception {
        wp = TestWordPress.site();
        sites = new SiteBook(dir.resolve("config"), new PrivateFileSecrets(dir.resolve("config")));
        sites.save(new Site("Blog", URI.create(wp.getProperty("url")), wp.getProperty("user")),
                wp.getProperty("applicationPassword"));
        // Quick retries, so a test sees the outbox try again without waiting minutes.
        QueueSettings quick = new QueueSettings(2, Duration.ofMillis(50), Duration.ofSeconds(30), 3,
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofDays(1), 50, 20, Duration.ofMillis(300));
        engine = LocalEngine.open(dir.resolve("data"), OfflineWriter::new, OfflineImageMaker::new, SeoAnalyzer::standard,
                new LocalEngine.Publishing(sites, http), quick, Clock.systemUTC());
        engine.jobs().start();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private WordPressClient site(String urlKey) {
        return new WordPressClient(http, new Site("Blog", URI.create(wp.getProperty(urlKey)), wp.getProperty("user")),
                wp.getProperty("applicationPassword"), TestWordPress.timeout());
    }

    private LibraryPost post(String title, String body) {
        BlogPost post = new BlogPost(title, null, "# " + title + "\n\n" + body, "Rye bread from a cold kitchen, "
                + "step by step, with the starter, the flour and the bake explained.", List.of("baking"), List.of("rye"),
                null, List.of(), List.of(), null, null, Embeds.NONE);
        return engine.library().save(new PostLibrary.NewPost(post, "org", "rye-" + UUID.randomUUID().toString()
                .substring(0, 8), "rye bread", "draft", 120, null));
    }

    private StoredImage picture(LibraryPost post, String placement, String alt, int shade) throws Exception {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) for (int y = 0; y < 48; y++) image.setRGB(x, y, (shade << 16) | (x * 4 << 8) | y * 5);
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return engine.images().save(new ImageStore.NewImage(png.toByteArray(), "image/png", 64, 48, placement, "a loaf",
                alt, "test", null, post.id(), null));
    }

    private JobStatus publish(PublishRequest request) throws Exception {
        String id = engine.jobs().enqueue(request, null);
        return engine.jobs().whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private PublishRequest request(LibraryPost post, String status) {
        return new PublishRequest(post.id(), "Blog", status, null, List.of("Baking", "Rye"), List.of("bread", "Sourdough"),
                false);
    }

    @Test
    void aPostWithPicturesTermsAndItsExcerptReachesTheSite() throws Exception {
        LibraryPost post = post("Rye in a cold kitchen " + UUID.randomUUID(), "A first paragraph.");
        StoredImage featured = picture(post, "featured", "A dark rye loaf", 40);
        StoredImage inline = picture(post, "inline", "The crumb, close up", 90);
        String content = post.post().content().replaceFirst("\n\n", "\n\n" + ImageRefs.markdown(featured.altText(),
                featured.id()) + "\n\n") + "\n\n" + ImageRefs.markdown(inline.altText(), inline.id()) + "\n\nThe end.";
        post = engine.library().update(post.id(), new PostLibrary.Revision(withContent(post.post(), content),
                post.focusKeyphrase(), post.status(), 120), "pictures").orElseThrow();

        JobStatus done = publish(request(post, "publish"));

        assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
        Publication publication = engine.publications().find(post.id(), URI.create(wp.getProperty("url") + "/")).orElseThrow();
        RemotePost there = site("url").read(publication.remoteId()).orElseThrow();
        assertThat(there.title()).isEqualTo(post.post().title());
        assertThat(there.status()).isEqualTo("publish");
        assertThat(there.link().toString()).isEqualTo(publication.link()).endsWith("/" + post.slug() + "/");
        assertThat(there.content()).contains("<!-- postwright:" + post.id() + " -->")
                .doesNotContain("<h1").doesNotContain(ImageRefs.SCHEME)
                .contains("alt=\"The crumb, close up\"").contains("/wp-content/uploads/")
                .contains("The end.");
        assertThat(there.featuredMedia()).isPositive();
        assertThat(there.content()).as("the featured picture is the theme's to show, not the text's")
                .doesNotContain("A dark rye loaf");
        Map<String, Long> categories = site("url").terms("categories");
        assertThat(there.categories()).containsExactlyInAnyOrder(categories.get("Baking"), categories.get("Rye"));
        assertThat(site("url").terms("tags")).containsKeys("bread", "Sourdough");
        assertThat(there.tags()).hasSize(2);
        assertThat(publication.version()).isEqualTo(post.version());
    }

    @Test
    void publishingAgainUpdatesTheSamePostAndReusesItsPictures() throws Exception {
        LibraryPost post = post("Spelt for beginners " + UUID.randomUUID(), "First words.");
        StoredImage inline = picture(post, "inline", "Spelt grains", 120);
        post = edit(post, post.post().content() + "\n\n" + ImageRefs.markdown(inline.altText(), inline.id()));
        assertThat(publish(request(post, "draft")).state()).isEqualTo(JobState.SUCCEEDED);
        Publication first = engine.publications().ofPost(post.id()).getFirst();
        String firstUrl = engine.publications().media(URI.create(wp.getProperty("url") + "/"), inline.sha256())
                .orElseThrow().url().toString();

        post = edit(post, post.post().content().replace("First words.", "Better first words."));
        JobStatus again = publish(request(post, "draft"));

        assertThat(again.state()).as(again.error()).isEqualTo(JobState.SUCCEEDED);
        Publication second = engine.publications().ofPost(post.id()).getFirst();
        assertThat(second.remoteId()).isEqualTo(first.remoteId());
        assertThat(second.version()).isEqualTo(post.version());
        RemotePost there = site("url").read(second.remoteId()).orElseThrow();
        assertThat(there.content()).contains("Better first words.").contains(firstUrl);
        assertThat(site("url").findByMarker(post.id())).map(RemotePost::id).contains(first.remoteId());
    }

    @Test
    void aPictureDeletedOnTheSiteIsUploadedAgainAndAChangedAltTextIsSet() throws Exception {
        LibraryPost post = post("Emmer " + UUID.randomUUID(), "Words.");
        StoredImage inline = picture(post, "inline", "Emmer ears", 150);
        post = edit(post, post.post().content() + "\n\n" + ImageRefs.markdown(inline.altText(), inline.id()));
        assertThat(publish(request(post, "draft")).state()).isEqualTo(JobState.SUCCEEDED);
        URI site = URI.create(wp.getProperty("url") + "/");
        long first = engine.publications().media(site, inline.sha256()).orElseThrow().mediaId();
        var deleted = http.send(java.net.http.HttpRequest.newBuilder(URI.create(wp.getProperty("url")
                        + "/wp-json/wp/v2/media/" + first + "?force=true")).DELETE()
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((wp.getProperty("user")
                        + ":" + wp.getProperty("applicationPassword").replace(" ", "")).getBytes())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);

        JobStatus again = publish(request(post, "draft"));

        assertThat(again.state()).as(again.error()).isEqualTo(JobState.SUCCEEDED);
        var second = engine.publications().media(site, inline.sha256()).orElseThrow();
        assertThat(second.mediaId()).isNotEqualTo(first);
        assertThat(site("url").read(engine.publications().ofPost(post.id()).getFirst().remoteId()).orElseThrow().content())
                .contains(second.url().toString());

        post = edit(post, post.post().content().replace("![Emmer ears]", "![Emmer ears at harvest]"));
        assertThat(publish(request(post, "draft")).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(engine.publications().media(site, inline.sha256()).orElseThrow())
                .returns(second.mediaId(), Publications.Media::mediaId)
                .returns("Emmer ears at harvest", Publications.Media::altText);
        var media = http.send(java.net.http.HttpRequest.newBuilder(URI.create(wp.getProperty("url")
                + "/wp-json/wp/v2/media/" + second.mediaId())).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(media.body()).contains("\"alt_text\":\"Emmer ears at harvest\"");
    }

    @Test
    void aPostChangedOnTheSiteIsNotOverwrittenUntilTheWriterAgrees() throws Exception {
        LibraryPost post = post("Barley bread " + UUID.randomUUID(), "Our words.");
        assertThat(publish(request(post, "draft")).state()).isEqualTo(JobState.SUCCEEDED);
        long remoteId = engine.publications().ofPost(post.id()).getFirst().remoteId();
        // An editor changes the post on the site. WordPress keeps modified_gmt to the second.
        RemotePost before = site("url").read(remoteId).orElseThrow();
        RemotePost edited;
        do {
            edited = site("url").update(remoteId, new PostDraft(post.id(), "Barley bread, edited on the site",
                    "<p>Their words.</p>", PostDraft.Status.DRAFT, Optional.empty(), "", "", List.of(), List.of(),
                    Optional.empty(), Map.of()));
        } while (edited.modifiedGmt().equals(before.modifiedGmt()));

        JobStatus refused = publish(request(edit(post, post.post().content() + "\n\nMore."), "draft"));

        assertThat(refused.state()).isEqualTo(JobState.FAILED);
        assertThat(refused.errorCode()).isEqualTo("CHANGED_ON_SITE");
        assertThat(refused.error()).contains("was changed on Blog").contains("replace");
        assertThat(site("url").read(remoteId).orElseThrow().title()).isEqualTo("Barley bread, edited on the site");

        JobStatus replaced = publish(request(post, "draft").replacingSiteChanges());

        assertThat(replaced.state()).as(replaced.error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(site("url").read(remoteId).orElseThrow().content()).contains("More.").doesNotContain("Their words.");
    }

    @Test
    void withTheSiteDownThePostWaitsInTheOutboxAndGoesOnceTheSiteIsBack() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        sites.save(new Site("Blog", URI.create("http://127.0.0.1:" + closedPort), wp.getProperty("user")), null);
        LibraryPost post = post("Oat cakes " + UUID.randomUUID(), "Words.");
        String id = engine.jobs().enqueue(request(post, "draft"), null);
        var listener = new RecordingListener();
        engine.jobs().subscribe(id, 0, listener);

        listener.awaitEvent(e -> e instanceof JobEvent.ProgressUpdate p && p.currentStep() != null
                && p.currentStep().startsWith("Retrying in") && p.currentStep().contains("of 20")
                && p.currentStep().contains("could not connect to Blog"), WAIT);
        sites.save(new Site("Blog", URI.create(wp.getProperty("url")), wp.getProperty("user")), null);
        JobStatus done = engine.jobs().whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(site("url").findByMarker(post.id())).isPresent();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsMarkerAndNotMadeTwice() throws Exception {
        try (var proxy = SiteProxy.droppingFirstCreate(URI.create(wp.getProperty("url")))) {
            sites.save(new Site("Blog", proxy.address(), wp.getProperty("user")), null);
            LibraryPost post = post("Buckwheat " + UUID.randomUUID(), "Words.");

            JobStatus done = publish(request(post, "draft"));

            assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
            assertThat(proxy.dropped()).as("the first create reached the site and its answer was lost").isEqualTo(1);
            assertThat(done.attempts()).isEqualTo(2);
            var found = site("url").findByMarker(post.id()).orElseThrow();
            assertThat(engine.publications().ofPost(post.id()).getFirst().remoteId()).isEqualTo(found.id());
            assertThat(TestWordPress.postsCarrying(post.id())).as("one post on the site").isEqualTo(1);
        }
    }

    @Test
    void aScheduledPostGoesOutAsFutureAtItsDate() throws Exception {
        LibraryPost post = post("Pumpernickel " + UUID.randomUUID(), "Slow.");
        LocalDateTime at = LocalDateTime.now().plusDays(30).withNano(0).withSecond(0);

        JobStatus done = publish(new PublishRequest(post.id(), "Blog", "future", at, List.of(), List.of(), false));

        assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
        RemotePost there = site("url").read(engine.publications().ofPost(post.id()).getFirst().remoteId()).orElseThrow();
        assertThat(there.status()).isEqualTo("future");
    }

    @Test
    void seoFieldsGoWhereTheSiteTakesThemAndASiteWithoutThemIsSaidOnce() throws Exception {
        LibraryPost plain = post("Seeded rye " + UUID.randomUUID(), "Seeds.");
        String plainJob = engine.jobs().enqueue(request(plain, "draft"), null);
        engine.jobs().whenFinished(plainJob).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<String> steps = engine.jobs().events(plainJob, 0).stream().map(e -> e.event())
                .filter(e -> e instanceof JobEvent.ProgressUpdate).map(e -> ((JobEvent.ProgressUpdate) e).currentStep())
                .toList();
        assertThat(steps).filteredOn(s -> s.contains("does not let Postwright set SEO fields")).hasSize(1);

        sites.save(new Site("Blog", URI.create(wp.getProperty("seoUrl")), wp.getProperty("user")), null);
        LibraryPost seo = post("Rye with caraway " + UUID.randomUUID(), "Caraway.");
        JobStatus done = publish(request(seo, "draft"));

        assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
        RemotePost there = site("seoUrl").read(engine.publications().ofPost(seo.id()).getFirst().remoteId()).orElseThrow();
        assertThat(there.meta()).containsEntry("_yoast_wpseo_focuskw", "rye bread")
                .containsEntry("_yoast_wpseo_title", seo.post().title())
                .containsEntry("_yoast_wpseo_metadesc", seo.post().metaDescription());
    }

    @Test
    void aRefusedPasswordFailsAtOnceWithASentenceAndWithoutThePassword() throws Exception {
        String wrong = "abcd efgh ijkl mnop qrst uvwx";
        sites.save(new Site("Blog", URI.create(wp.getProperty("url")), wp.getProperty("user")), wrong);
        LibraryPost post = post("Flatbread " + UUID.randomUUID(), "Words.");

        JobStatus failed = publish(request(post, "draft"));

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.attempts()).as("a refusal is not retried").isEqualTo(1);
        assertThat(failed.error()).contains("Blog").doesNotContain("abcd");
        assertThat(engine.publications().ofPost(post.id())).isEmpty();
    }

    @Test
    void aSiteOrPostThatIsGoneIsSaid() throws Exception {
        LibraryPost post = post("Crispbread " + UUID.randomUUID(), "Words.");
        JobStatus noSite = publish(new PublishRequest(post.id(), "Elsewhere", "draft", null, List.of(), List.of(), false));
        assertThat(noSite.errorCode()).isEqualTo("SITE_NOT_FOUND");
        assertThat(noSite.error()).contains("no site called \"Elsewhere\"");

        engine.library().delete(post.id());
        engine.library().purgeDeletedBefore(java.time.Instant.now().plusSeconds(1));
        JobStatus noPost = publish(request(post, "draft"));
        assertThat(noPost.errorCode()).isEqualTo("POST_NOT_FOUND");
    }

    private LibraryPost edit(LibraryPost post, String content) {
        return engine.library().update(post.id(), new PostLibrary.Revision(withContent(post.post(), content),
                post.focusKeyphrase(), post.status(), 120), "edit").orElseThrow();
    }

    private static BlogPost withContent(BlogPost post, String content) {
        return post.withText(post.title(), post.metaDescription(), content);
    }
}
