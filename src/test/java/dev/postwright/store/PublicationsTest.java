package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where posts were published, and the queue's tables rebuilt for publish jobs (migration V10), on real files. */
class PublicationsTest {
    static final String SITE = "http://127.0.0.1:8080/";
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));

    @Test
    void aPublicationIsRecordedReplacedAndGoesWithItsPurgedPost() throws Exception {
        try (Database db = Database.open(dir.resolve("p.db"))) {
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

    @Test
    void aVersion9FileKeepsItsJobsLogsAndCheckpointsAndTakesPublishJobs() throws Exception {
        Path old = dir.resolve("v9.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old)) {
            var st = c.createStatement();
            for (String script : Migrations.SCRIPTS.subList(0, 9)) {
                for (String statement : Migrations.statements(script)) st.execute(statement);
            }
            st.execute("PRAGMA user_version = 9");
            st.execute("""
                    INSERT INTO jobs (key, id, state, request, owner, attempts, progress, run_at, created_at, updated_at, kind)
                    VALUES (1, 'blog-1', 'running', '{}', 'alice', 2, 40, 1, 1, 1, 'blog'),
                           (2, 'image-1', 'succeeded', '{}', NULL, 1, 100, 1, 1, 1, 'image')""");
            st.execute("INSERT INTO job_events VALUES (1, 1, 'progress-update', '{}', 1, NULL), (1, 2, 'blog-result', '{}', 2, 'draft')");
            st.execute("INSERT INTO checkpoints VALUES (1, 'outline', '{\"o\":1}', 1)");
            st.execute("""
                    INSERT INTO images (id, job_id, placement, prompt, alt_text, media_type, width, height, size, source,
                                        sha256, created_at)
                    VALUES ('img', 'image-1', 'inline', 'p', 'a', 'image/png', 1, 1, 1, 'offline', 'h', 1)""");
        }
        try (Database db = Database.open(old)) {
            assertThat(texts(db, "SELECT attempts || ' ' || progress || ' ' || owner || ' ' || kind FROM jobs "
                    + "WHERE id = 'blog-1'")).containsExactly("2 40 alice blog");
            assertThat(texts(db, "SELECT name FROM job_events WHERE job_key = 1 ORDER BY seq"))
                    .containsExactly("progress-update", "blog-result");
            assertThat(texts(db, "SELECT data FROM checkpoints WHERE job_key = 1")).containsExactly("{\"o\":1}");

            db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at, kind) "
                    + "VALUES ('publish-1', 'queued', '{}', 1, 1, 1, 'publish')"));
            assertThatThrownBy(() -> db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, "
                    + "created_at, updated_at, kind) VALUES ('x', 'queued', '{}', 1, 1, 1, 'laundry')")))
                    .isInstanceOf(StoreException.class);

            // The rebuilt tables keep their cascades and the image trigger.
            db.transaction(sql -> sql.update("DELETE FROM jobs WHERE id IN ('blog-1', 'image-1')"));
            assertThat(texts(db, "SELECT count(*) FROM job_events")).containsExactly("0");
            assertThat(texts(db, "SELECT count(*) FROM checkpoints")).containsExactly("0");
            assertThat(texts(db, "SELECT count(*) FROM images")).containsExactly("0");
            assertThat(texts(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' "
                    + "AND sql IS NOT NULL ORDER BY name")).containsExactly("jobs_claim", "jobs_owner", "jobs_running",
                    "jobs_unpruned");
        }
    }

    private static List<String> texts(Database db, String query) {
        return db.read(sql -> sql.query(query, rs -> rs.getString(1)));
    }
}
