package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.LibraryPost;
import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team server's posts belong to users (migration V7), on a real database file. */
class PostOwnersTest {
    @TempDir Path dir;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    PostLibrary library;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(7)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private LibraryPost save(String title, String owner) {
        clock.advance(Duration.ofSeconds(1));
        return library.save(new PostLibrary.NewPost(LibraryVersionsTest.post(title, "Text of " + title), "org", "slug",
                null, "draft", 3, null, owner));
    }

    @Test
    void aUserFindsAndListsOnlyTheirOwnLivePostsNewestFirst() {
        LibraryPost first = save("Rye", "alice");
        LibraryPost second = save("Spelt", "alice");
        LibraryPost bobs = save("Barley", "bob");
        LibraryPost desktop = save("Oats", null);

        assertThat(library.ownedBy("alice", 10, 0)).extracting(LibraryPost::id).containsExactly(second.id(), first.id());
        assertThat(library.ownedBy("alice", 1, 1)).extracting(LibraryPost::id).containsExactly(first.id());
        assertThat(library.findOwned(first.id(), "alice")).isPresent();
        assertThat(library.findOwned(bobs.id(), "alice")).isEmpty();
        assertThat(library.findOwned(desktop.id(), "alice")).isEmpty();

        library.delete(second.id());
        assertThat(library.ownedBy("alice", 10, 0)).extracting(LibraryPost::id).containsExactly(first.id());
        assertThat(library.findOwned(second.id(), "alice")).isEmpty();
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
}
