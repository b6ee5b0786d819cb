package dev.postwright.publish.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WordPressClientTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private WordPressClient client(String urlKey, String user, String password) {
        Properties site = TestWordPress.site();
        return new WordPressClient(http, new Site("Test site", URI.create(site.getProperty(urlKey)), user), password,
                TestWordPress.timeout());
    }

    private WordPressClient admin() {
        Properties site = TestWordPress.site();
        return client("url", site.getProperty("user"), site.getProperty("applicationPassword"));
    }

    private static PostDraft draft(String marker, String title, PostDraft.Status status, List<Long> categories,
            List<Long> tags, Map<PostDraft.SeoField, String> seo) {
        return new PostDraft(marker, title, "<p>Body of " + title + "</p>", status, Optional.empty(), "",
                "An excerpt", categories, tags, Optional.empty(), seo);
    }

    @Test
    void connectionTestNamesTheSiteTheVersionAndTheUser() {
        ConnectionCheck check = admin().check();
        assertThat(check).isInstanceOf(ConnectionCheck.Connected.class);
        ConnectionCheck.Connected connected = (ConnectionCheck.Connected) check;
        assertThat(connected.siteName()).isEqualTo("Postwright Test Site");
        assertThat(connected.wordPressVersion()).hasValueSatisfying(v -> assertThat(v).startsWith("6."));
        assertThat(connected.displayName()).isEqualTo("Ada Editor");
        assertThat(connected.canPublish()).isTrue();
        assertThat(check.words()).contains("who can publish");
    }

    @Test
    void aContributorIsConnectedButCannotPublish() {
        Properties site = TestWordPress.site();
        ConnectionCheck check = client("url", "contributor", site.getProperty("contributorPassword")).check();
        assertThat(check).isInstanceOfSatisfying(ConnectionCheck.Connected.class,
                c -> assertThat(c.canPublish()).isFalse());
    }

    @Test
    void aWrongPasswordIsNotSignedInAndTheWordsNeverHoldIt() {
        String wrong = "abcd efgh ijkl mnop qrst uvwx";
        WordPressClient client = client("url", "editor-admin", wrong);
        ConnectionCheck check = client.check();
        assertThat(check).isInstanceOf(ConnectionCheck.NotSignedIn.class);
        assertThat(check.words()).doesNotContain("abcd").contains("Authorization");
        assertThat(client.toString()).doesNotContain("abcd");
        assertThatThrownBy(() -> client.terms("categories")).isInstanceOf(WordPressException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abcd"));
    }

    @Test
    void aHostThatStripsAuthorizationIsDiagnosedWithTheFix() {
        Properties site = TestWordPress.site();
        ConnectionCheck check = client("stripUrl", "editor-admin", site.getProperty("applicationPassword")).check();
        assertThat(check).isInstanceOf(ConnectionCheck.NotSignedIn.class);
        assertThat(check.words()).contains("SetEnvIf Authorization").contains("CGIPassAuth On")
                .doesNotContain(site.getProperty("applicationPassword"));
    }

    @Test
    void termsAreCreatedOnceAndACollisionReusesTheSitesTerm() throws Exception {
        WordPressClient client = admin();
        String name = "Gardening " + UUID.randomUUID().toString().substring(0, 8);
        List<Long> first = client.ensureTerms("categories", List.of(name, "Uncategorized"));
        List<Long> again = client.ensureTerms("categories", List.of(name.toUpperCase()));
        assertThat(again).containsExactly(first.get(0));
        assertThat(client.terms("categories")).containsEntry(name, first.get(0)).containsKey("Uncategorized");
    }

    @Test
    void termsAreReadPastTheFirstHundred() throws Exception {
        WordPressClient client = admin();
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> names = java.util.stream.IntStream.range(0, 105).mapToObj(i -> prefix + i).toList();
        List<Long> ids = client.ensureTerms("tags", names);
        assertThat(ids).doesNotHaveDuplicates().hasSize(105);
        assertThat(client.terms("tags").keySet()).containsAll(names);
    }

    @Test
    void anImageIsUploadedWithItsAltTextAndARefusedFileIsASentence() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        WordPressClient client = admin();
        UploadedMedia media = client.upload("cover image.png", "image/png", png.toByteArray(), "A dark cover");
        assertThat(media.altText()).isEqualTo("A dark cover");
        HttpClient plain = HttpClient.newHttpClient();
        var bytes = plain.send(java.net.http.HttpRequest.newBuilder(media.sourceUrl()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.body()).isEqualTo(png.toByteArray());
        assertThatThrownBy(() -> client.upload("tool.exe", "application/x-msdownload", new byte[] {77, 90}, ""))
                .isInstanceOf(WordPressException.class)
                .hasMessageStartingWith("Test site refused the image");
    }

    @Test
    void aPostIsPublishedThenUpdatedNotDuplicated() throws Exception {
        WordPressClient client = admin();
        String marker = UUID.randomUUID().toString();
        List<Long> tags = client.ensureTerms("tags", List.of("republish"));
        RemotePost created = client.createOnce(draft(marker, "First title", PostDraft.Status.PUBLISH, List.of(),
                tags, Map.of()));
        RemotePost updated = client.createOnce(draft(marker, "Second title", PostDraft.Status.PUBLISH, List.of(),
                tags, Map.of()));
        assertThat(updated.id()).isEqualTo(created.id());
        RemotePost read = client.read(created.id()).orElseThrow();
        assertThat(read.title()).isEqualTo("Second title");
        assertThat(read.status()).isEqualTo("publish");
        assertThat(read.tags()).containsExactlyElementsOf(tags);
        assertThat(read.content()).contains("<!-- postwright:" + marker + " -->");
        assertThat(read.modifiedGmt()).isNotBlank();
        assertThat(client.findByMarker(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aSiteWithoutSeoFieldsSaysSoAndOneWithThemTakesThem() throws Exception {
        assertThat(admin().seoFields().plugin()).isEqualTo(SeoFields.Plugin.NONE);
        assertThat(admin().seoFields().words()).contains("does not let Postwright set SEO fields");
        Properties site = TestWordPress.site();
        WordPressClient seo = client("seoUrl", "editor-admin", site.getProperty("applicationPassword"));
        assertThat(seo.seoFields().plugin()).isEqualTo(SeoFields.Plugin.YOAST);
        RemotePost post = seo.create(draft(UUID.randomUUID().toString(), "With SEO", PostDraft.Status.DRAFT,
                List.of(), List.of(), Map.of(PostDraft.SeoField.FOCUS_KEYPHRASE, "compost",
                        PostDraft.SeoField.DESCRIPTION, "How to compost")));
        assertThat(seo.read(post.id()).orElseThrow().meta()).containsEntry("_yoast_wpseo_focuskw", "compost")
                .containsEntry("_yoast_wpseo_metadesc", "How to compost");
    }
}
