package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.PostVersion;
import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Versions, search, and delete with undo, on a real SQLite file and a real PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class LibraryVersionsTest {
    @Parameter
    TestDatabases.Kind kind;
    @TempDir Path dir;
    TestDatabases databases;
    SqlDatabase db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    PostLibrary library;

    @BeforeEach
    void open() throws Exception {
        databases = TestDatabases.fresh(kind, dir);
        db = databases.open();
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(5)));
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    static BlogPost post(String title, String content) {
        return new BlogPost(title, null, content, "Meta", List.of(), List.of(), null, List.of(), List.of(), null, null,
                Embeds.NONE);
    }

    private LibraryPost save(String title, String content, String org) {
        clock.advance(Duration.ofSeconds(1));
        return library.save(new PostLibrary.NewPost(post(title, content), org, "slug", "bread", "draft", 2, null));
    }

    private LibraryPost edit(LibraryPost p, String content) {
        clock.advance(Duration.ofSeconds(1));
        return library.update(p.id(), new PostLibrary.Revision(post(p.post().title(), content), "bread", "draft",
                content.split(" ").length), "Edited").orElseThrow();
    }

    @Test
    void everySaveKeepsAVersionAndAnOldOneCanBeRestored() {
        LibraryPost p = save("Rye", "First words.", "org");
        p = edit(p, "Second, longer words here.");
        p = edit(p, "Third.");
        assertThat(p.version()).isEqualTo(3);
        assertThat(library.versions(p.id())).extracting(PostVersion::number, PostVersion::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "Edited"),
                        org.assertj.core.groups.Tuple.tuple(2, "Edited"),
                        org.assertj.core.groups.Tuple.tuple(1, "Saved"));
        assertThat(library.version(p.id(), 1)).hasValueSatisfying(v -> assertThat(v.content()).isEqualTo("First words."));

        LibraryPost restored = library.restore(p.id(), 1).orElseThrow();
        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.post().content()).isEqualTo("First words.");
        assertThat(restored.wordCount()).isEqualTo(2);
        assertThat(library.versions(p.id()).getFirst().reason()).isEqualTo("Restored version 1");
        assertThat(library.find(p.id()).orElseThrow().post().content()).isEqualTo("First words.");
    }

    @Test
    void aDeletedPostDisappearsUntilUndoneAndIsPurgedWithItsVersionsLater() {
        LibraryPost p = save("Rye", "Words.", "org");
        edit(p, "More words.");
        assertThat(library.delete(p.id())).isTrue();
        assertThat(library.find(p.id())).isEmpty();
        assertThat(library.recent("org", 10)).isEmpty();
        assertThat(library.search("org", "rye", 10)).isEmpty();
        assertThat(library.count("org")).isZero();
        assertThat(library.update(p.id(), new PostLibrary.Revision(post("Rye", "x"), null, "draft", 1), "Edited"))
                .isEmpty();

        assertThat(library.undelete(p.id())).isTrue();
        assertThat(library.find(p.id())).isPresent();
        assertThat(library.versions(p.id())).hasSize(2);

        library.delete(p.id());
        clock.advance(Duration.ofDays(1));
        assertThat(library.purgeDeletedBefore(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(library.undelete(p.id())).isFalse();
        assertThat(library.versions(p.id())).isEmpty();
    }

    @Test
    void searchMatchesWordsAndPrefixesInTitleTextAndKeyphraseTitleFirst() {
        save("Sourdough starters", "How to feed a levain.", "org");
        save("Rye bread", "A starter helps; sourdough rye is dense.", "org");
        save("Croissants", "Lamination, butter, patience.", "org");
        save("Sourdough elsewhere", "Not ours.", "other-org");

        assertThat(library.search("org", "sourdough", 10)).extracting(p -> p.post().title())
                .containsExactly("Sourdough starters", "Rye bread");
        assertThat(library.search("org", "lamin", 10)).extracting(p -> p.post().title()).containsExactly("Croissants");
        assertThat(library.search("org", "starter rye", 10)).extracting(p -> p.post().title()).containsExactly("Rye bread");
        assertThat(library.search("org", "\"unbalanced AND (", 10)).isEmpty();
        assertThat(library.search("org", "  ", 10)).hasSize(3);
    }

    @Test
    void searchFoldsAccentsAndCaseInTextAndQueryAlike() {
        save("Pain de campagne", "Baguettes and bâtards, crème fraîche.", "org");
        assertThat(library.search("org", "batards", 10)).hasSize(1);
        assertThat(library.search("org", "BÂTARD creme", 10)).hasSize(1);
        assertThat(library.search("org", "fraiche pain", 10)).hasSize(1);
        assertThat(library.search("org", "bâtards brioche", 10)).isEmpty();
    }

    @Test
    void anEditedPostIsFoundByItsNewWordsOnly() {
        LibraryPost p = save("Rye", "Caraway seeds.", "org");
        edit(p, "Fennel seeds.");
        assertThat(library.search("org", "caraway", 10)).isEmpty();
        assertThat(library.search("org", "fennel", 10)).hasSize(1);
    }
}
