package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.LibraryPost;
import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A team server's posts belong to users (migration V7), on a real SQLite file and a real PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class PostOwnersTest {
    @Parameter
    TestDatabases.Kind kind;
    @TempDir Path dir;
    TestDatabases databases;
    SqlDatabase db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    PostLibrary library;

    @BeforeEach
    void open() throws Exception {
        databases = TestDatabases.fresh(kind, dir);
        db = databases.open();
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(7)));
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
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
}
