package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Where posts were published (migration V10), on a real SQLite file and a real PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class PublicationsTest {
    @Parameter
    TestDatabases.Kind kind;
    static final String SITE = "http://127.0.0.1:8080/";
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));

    @Test
    void aPublicationIsRecordedReplacedAndGoesWithItsPurgedPost() throws Exception {
        try (TestDatabases databases = TestDatabases.fresh(kind, dir)) {
            SqlDatabase db = databases.open();
            var library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(3)));
            var publications = new Publications(db);
            LibraryPost post = library.save(new PostLibrary.NewPost(LibraryVersionsTest.post("Rye", "Text"), "org", "rye",
                    null, "draft", 1, null, null));

            db.transaction(publications.recording(new Publication(post.id(), SITE, 7, SITE + "?p=7", "draft",
                    "2026-12-02T09:00:00", 1, "job-1", clock.instant())));
            clock.advance(Duration.ofMinutes(1));
            db.transaction(publications.recording(new Publication(post.id(), SITE, 7, SITE + "rye/", "publish",
                    "2026-12-02T09:01:00", 2, "job-2", clock.instant())));
            db.transaction(publications.recording(new Publication(post.id(), "https://other.example/", 3,
                    "https://other.example/rye/", "draft", "2026-12-02T09:02:00", 2, "job-3", clock.instant().plusSeconds(5))));

            Publication here = publications.find(post.id(), URI.create(SITE)).orElseThrow();
            assertThat(here.link()).isEqualTo(SITE + "rye/");
            assertThat(here.version()).isEqualTo(2);
            assertThat(here.jobId()).isEqualTo("job-2");
            assertThat(publications.ofPost(post.id())).extracting(Publication::siteAddress)
                    .containsExactly("https://other.example/", SITE);

            publications.recordMedia(URI.create(SITE), "abc", new Publications.Media(11, URI.create(SITE + "a.png"), "A"),
                    clock.instant());
            assertThat(publications.media(URI.create(SITE), "abc")).contains(
                    new Publications.Media(11, URI.create(SITE + "a.png"), "A"));
            assertThat(publications.media(URI.create("https://other.example/"), "abc")).isEmpty();

            library.delete(post.id());
            library.purgeDeletedBefore(clock.instant().plusSeconds(1));
            assertThat(publications.ofPost(post.id())).isEmpty();
        }
    }
}
