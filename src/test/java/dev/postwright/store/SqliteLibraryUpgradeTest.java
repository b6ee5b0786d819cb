package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.LibraryPost;
import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data folders written by earlier versions, upgraded by SQLite's migrations (V4, V7, V10) with
 * their posts and jobs kept, on real files. SQLite's alone: PostgreSQL's schema starts at the
 * library as it is now. (The library's behaviour on both is LibraryVersionsTest's and the others'.)
 */
class SqliteLibraryUpgradeTest {
    @TempDir Path dir;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    PostLibrary library;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(5)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void postsSavedBeforeVersionsExistedGetAVersionOneAndAreSearchable() throws Exception {
        db.close();
        Path old = dir.resolve("old.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old)) {
            var st = c.createStatement();
            for (String statement : Migrations.split(String.join("\n", script("V1__job_queue.sql"),
                    script("V2__library.sql"), script("V3__stage_timings.sql")))) {
                st.execute(statement);
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("""
                    INSERT INTO posts (id, organization_id, title, slug, status, word_count, source_job_id, post,
                                       created_at, updated_at)
                    VALUES ('p1', 'org', 'Old post', 'old-post', 'draft', 3, 'job-1',
                            '{"title":"Old post","content":"Baguettes and bâtards."}', 1000, 1000),
                           ('p2', 'org', 'Broken', 'broken', 'draft', 0, NULL, '{broken', 1000, 1000)""");
        }
        db = Database.open(old);
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(6)));
        assertThat(library.versions("p1")).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.reason()).isEqualTo("Generated");
        });
        assertThat(library.search("org", "batards", 10)).extracting(LibraryPost::id).containsExactly("p1");
        assertThat(library.find("p1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void postsSavedByJobsBeforeOwnersExistedBelongToTheirJobsOwner() throws Exception {
        db.close();
        Path old = dir.resolve("v6.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old)) {
            var st = c.createStatement();
            for (String script : Migrations.SCRIPTS.subList(0, 6)) {
                for (String statement : Migrations.statements(script)) st.execute(statement);
            }
            st.execute("PRAGMA user_version = 6");
            st.execute("""
                    INSERT INTO jobs (id, state, request, owner, run_at, created_at, updated_at)
                    VALUES ('job-a', 'succeeded', '{}', 'alice', 1, 1, 1), ('job-l', 'succeeded', '{}', NULL, 1, 1, 1)""");
            st.execute("""
                    INSERT INTO posts (id, organization_id, title, slug, status, word_count, source_job_id, post,
                                       created_at, updated_at)
                    VALUES ('p-a', 'org', 'Alice''s', 's', 'draft', 1, 'job-a', '{"title":"Alice''s","content":"x"}', 1, 1),
                           ('p-l', 'org', 'Local', 's', 'draft', 1, 'job-l', '{"title":"Local","content":"x"}', 1, 1),
                           ('p-h', 'org', 'By hand', 's', 'draft', 1, NULL, '{"title":"By hand","content":"x"}', 1, 1)""");
        }
        db = Database.open(old);
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(8)));

        assertThat(library.ownedBy("alice", 10, 0)).extracting(LibraryPost::id).containsExactly("p-a");
        assertThat(library.find("p-l")).isPresent(); // the desktop's posts stay where they were
        assertThat(library.find("p-h")).isPresent();
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

    private static String script(String name) throws Exception {
        try (var in = Migrations.class.getResourceAsStream("/dev/postwright/store/migrations/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
