package dev.postwright.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.PostVersion;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.TimeOrderedIds;
import dev.postwright.testing.ManualFrames;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library list and the post editor on a real database, with frames run by the test: no stage. */
class LibraryViewModelsTest {
    @TempDir Path dir;
    Database db;
    PostLibrary library;
    ImageStore images;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(), new Random(7)));
        images = new ImageStore(db, dir.resolve("images"), Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(),
                new Random(8)));
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        background.close();
        db.close();
    }

    private LibraryPost save(String title, String content) {
        var post = new BlogPost(title, null, content, "Sourdough bread made simple for home bakers.", List.of(),
                List.of(), null, List.of(), List.of(), null, null, Embeds.NONE);
        return library.save(new PostLibrary.NewPost(post, "local", "slug", "sourdough bread", "draft", 10, null));
    }

    private PostEditorViewModel editor() {
        return new PostEditorViewModel(library, images, new OrganizationProfiles(db, Clock.systemUTC()), SeoAnalyzer.standard(),
                frames, background, scheduler);
    }

    @Test
    void searchShowsMatchesAndSaysWhenNothingMatches() throws Exception {
        save("Sourdough bread basics", "Flour, water, salt.");
        save("Croissants", "Butter and patience.");
        var list = new LibraryViewModel(library, "local", frames, background);
        list.refresh();
        frames.runUntil(() -> list.posts().size() == 2);
        assertThat(list.summaryProperty().get()).isEqualTo("2 posts");
        list.query.set("butt");
        frames.runUntil(() -> list.posts().size() == 1);
        assertThat(list.posts().getFirst().post().title()).isEqualTo("Croissants");
        assertThat(list.summaryProperty().get()).isEqualTo("1 post match “butt”");
        list.query.set("rye");
        frames.runUntil(() -> list.posts().isEmpty());
        assertThat(list.summaryProperty().get()).isEqualTo("No posts match “rye”.");
    }

    @Test
    void deleteHidesThePostAndUndoBringsItBack() throws Exception {
        LibraryPost post = save("Sourdough bread basics", "Flour, water, salt.");
        var list = new LibraryViewModel(library, "local", frames, background);
        list.refresh();
        frames.runUntil(() -> list.posts().size() == 1);
        boolean[] offered = {false};
        list.delete(post, () -> offered[0] = true);
        frames.runUntil(() -> offered[0] && list.posts().isEmpty());
        list.undelete(post.id());
        frames.runUntil(() -> list.posts().size() == 1);
        assertThat(library.find(post.id())).isPresent();
    }

    @Test
    void editingRescoresLiveAndSavingKeepsAVersionThatCanBeRestored() throws Exception {
        LibraryPost post = save("Sourdough bread basics", "Sourdough bread needs flour, water and salt. It takes time.");
        var editor = editor();
        editor.open(post);
        frames.runUntil(() -> editor.seoProperty().get() != null && editor.versions().size() == 1);
        assertThat(editor.dirty().get()).isFalse();
        int before = editor.seoProperty().get().overallScore();

        editor.title.set("Croissants at home"); // the keyphrase leaves the title: the score must drop
        assertThat(editor.dirty().get()).isTrue();
        frames.runUntil(() -> editor.seoProperty().get().overallScore() < before);
        assertThat(editor.seoProperty().get().checks()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("keyphrase-in-seo-title");
            assertThat(c.rating()).isNotEqualTo(dev.postwright.model.SeoAnalysis.Rating.GOOD);
        });

        boolean[] saved = {false};
        editor.save(() -> saved[0] = true);
        frames.runUntil(() -> saved[0] && editor.versions().size() == 2);
        assertThat(editor.dirty().get()).isFalse();
        assertThat(editor.messageProperty().get()).isEqualTo("Saved as version 2.");
        assertThat(library.find(post.id()).orElseThrow().post().title()).isEqualTo("Croissants at home");
        assertThat(editor.versions()).extracting(PostVersion::number).containsExactly(2, 1);

        editor.restore(1);
        frames.runUntil(() -> editor.versions().size() == 3);
        assertThat(editor.title.get()).isEqualTo("Sourdough bread basics");
        assertThat(editor.messageProperty().get()).isEqualTo("Restored version 1 as version 3.");
    }

    @Test
    void revertPutsBackTheSavedTextAndSaveNowKeepsEditsAtExit() throws Exception {
        LibraryPost post = save("Rye", "Caraway.");
        var editor = editor();
        editor.open(post);
        editor.content.set("Fennel.");
        editor.revert();
        assertThat(editor.content.get()).isEqualTo("Caraway.");
        assertThat(editor.dirty().get()).isFalse();
        assertThat(editor.saveNow()).isFalse();
        editor.content.set("Fennel.");
        assertThat(editor.saveNow()).isTrue();
        assertThat(library.find(post.id()).orElseThrow().post().content()).isEqualTo("Fennel.");
    }

    @Test
    void savingOverAVersionSavedElsewhereSaysWhereItIs() throws Exception {
        LibraryPost post = save("Rye", "Caraway.");
        var editor = editor();
        editor.open(post);
        frames.runUntil(() -> editor.versions().size() == 1);
        library.update(post.id(), new PostLibrary.Revision(post.post().withContent("Caraway, with a picture."), null,
                "draft", 3), "Featured image");
        editor.content.set("Fennel.");
        editor.save(() -> { });
        frames.runUntil(() -> editor.messageProperty().get().startsWith("Saved as version 3"));
        assertThat(editor.messageProperty().get()).contains("version 2 was saved elsewhere").contains("Versions");
        assertThat(library.version(post.id(), 2)).map(p -> p.content()).contains("Caraway, with a picture.");
    }

    @Test
    void savingAPostDeletedMeanwhileKeepsTheEditsAndSaysSo() throws Exception {
        LibraryPost post = save("Rye", "Caraway.");
        var editor = editor();
        editor.open(post);
        editor.content.set("Fennel.");
        library.delete(post.id());
        editor.save(() -> { });
        frames.runUntil(() -> editor.messageProperty().get().contains("deleted"));
        assertThat(editor.content.get()).isEqualTo("Fennel.");
    }
}
