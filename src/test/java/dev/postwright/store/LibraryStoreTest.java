package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.Cta;
import dev.postwright.model.Embeds;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.testing.LogCapture;
import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class LibraryStoreTest {
    @Parameter
    TestDatabases.Kind kind;
    @TempDir
    Path dir;
    TestDatabases databases;
    SqlDatabase db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    PostLibrary library;

    @BeforeEach
    void open() throws Exception {
        databases = TestDatabases.fresh(kind, dir);
        db = databases.open();
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(3)));
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    static BlogPost post(String title) {
        return new BlogPost(title, null, "# " + title + "\n\nBody.", "Meta", List.of("bread"), List.of("sourdough"), "1 min read",
                List.of(), List.of(), null, null, Embeds.NONE);
    }

    private LibraryPost save(String title, String org, String keyphrase, String job) {
        clock.advance(Duration.ofSeconds(1));
        return library.save(new PostLibrary.NewPost(post(title), org, "slug", keyphrase, "draft", 120, job));
    }

    @Test
    void savesAndFindsAPostWithAllItsFields() {
        LibraryPost saved = save("Sourdough", "org-1", "Sourdough Bread", "job-1");
        assertThat(library.find(saved.id())).hasValueSatisfying(found -> {
            assertThat(found.post()).isEqualTo(post("Sourdough"));
            assertThat(found.focusKeyphrase()).isEqualTo("sourdough bread");
            assertThat(found.sourceJobId()).isEqualTo("job-1");
            assertThat(found.toSavedPost().wordCount()).isEqualTo(120);
            assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-11-21T09:00:01Z"));
        });
    }

    @Test
    void aJobSavesItsPostOnceHoweverOftenItIsResumed() {
        LibraryPost first = save("Sourdough", "org-1", "sourdough", "job-1");
        LibraryPost again = save("Sourdough, resumed", "org-1", "sourdough", "job-1");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.post().title()).isEqualTo("Sourdough");
        assertThat(library.count("org-1")).isEqualTo(1);
        save("By hand", "org-1", null, null);
        save("By hand again", "org-1", null, null);
        assertThat(library.count("org-1")).isEqualTo(3);
    }

    @Test
    void twoEnginesSavingOneJobsPostAtOnceSaveItOnce() throws Exception {
        // Two database objects on the same data: on PostgreSQL two nodes, whose writers run side by side.
        var other = new PostLibrary(databases.open(), clock, new TimeOrderedIds(clock, new Random(4)));
        var together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<LibraryPost>> saves = List.of(library, other).stream().map(l -> nodes.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return l.save(new PostLibrary.NewPost(post("Sourdough"), "org-1", "slug", null, "draft", 120, "job-1"));
            })).toList();
            String first = saves.get(0).get(30, TimeUnit.SECONDS).id();
            assertThat(saves.get(1).get(30, TimeUnit.SECONDS).id()).isEqualTo(first);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(library.count("org-1")).isEqualTo(1);
        assertThat(other.versions(library.findBySourceJob("job-1").orElseThrow().id())).hasSize(1);
    }

    @Test
    void countsEarlierUsesOfAKeyphrasePerOrganizationIgnoringCaseAndSpacing() {
        LibraryPost mine = save("A", "org-1", "Sourdough  Bread", null);
        save("B", "org-1", "sourdough bread", null);
        save("C", "org-2", "sourdough bread", null);
        assertThat(library.countUsingKeyphrase("org-1", " SOURDOUGH bread ", null)).isEqualTo(2);
        assertThat(library.countUsingKeyphrase("org-1", "sourdough bread", mine.id())).isEqualTo(1);
        assertThat(library.countUsingKeyphrase("org-1", "rye", null)).isZero();
        assertThat(library.countUsingKeyphrase("org-1", " ", null)).isZero();
    }

    @Test
    void recentListsNewestFirstAndSkipsADamagedRow() {
        save("Old", "org-1", null, null);
        LibraryPost damaged = save("Damaged", "org-1", null, null);
        save("New", "org-1", null, null);
        db.transaction(sql -> sql.update("UPDATE posts SET post = '{broken' WHERE id = ?", damaged.id()));
        try (var log = LogCapture.of(PostLibrary.class)) {
            assertThat(library.recent("org-1", 10)).extracting(p -> p.post().title()).containsExactly("New", "Old");
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("cannot be read and is left out"));
        }
        assertThat(library.delete(damaged.id())).isTrue();
        assertThat(library.delete(damaged.id())).isFalse();
    }

    @Test
    void profilesRoundTripAndUpdateInPlace() {
        var profiles = new OrganizationProfiles(db, clock);
        var profile = new OrganizationProfile("org-1", "Crumb & Co", "Bakery", "home bakers", "food", "warm, plain",
                List.of(new Cta("Book a class", "https://crumb.example/classes", "primary", "end-of-post")),
                List.of(new OrganizationProfile.LinkTarget("Starter guide", "https://crumb.example/starter",
                        List.of("starter", "levain"))));
        profiles.save(profile);
        assertThat(profiles.find("org-1")).contains(profile);
        profiles.save(OrganizationProfile.empty("org-1"));
        assertThat(profiles.find("org-1")).contains(OrganizationProfile.empty("org-1"));
        assertThat(profiles.find("org-9")).isEmpty();
    }
}
