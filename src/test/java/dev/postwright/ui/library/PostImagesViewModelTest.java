package dev.postwright.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.images.ImageSize;
import dev.postwright.model.ImageRefEdits;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.StoredImage;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.testing.ManualFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's images on a real library with real pictures, frames run by the test: no stage. */
class PostImagesViewModelTest {
    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    PostWithImages fixture;
    PostEditorViewModel editor;
    PostImagesViewModel images;

    @BeforeEach
    void open() throws Exception {
        fixture = new PostWithImages(dir);
        editor = new PostEditorViewModel(fixture.library, fixture.images, fixture.profiles, SeoAnalyzer.standard(),
                frames, background, scheduler);
        images = editor.images();
        editor.open(fixture.post);
        frames.runUntil(() -> images.images().size() == 3);
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        background.close();
        fixture.close();
    }

    @Test
    void listsThePostsImagesAndWhichTheTextShows() {
        assertThat(images.images()).extracting(StoredImage::placement)
                .containsExactly("featured", "social-wide", "social-square");
        assertThat(images.selected.get().id()).isEqualTo(fixture.featured.id());
        assertThat(images.isShown(fixture.featured)).isTrue();
        assertThat(images.isShown(fixture.wide)).isFalse();
        assertThat(images.altText.get()).isEqualTo("A rye loaf on a board");
        assertThat(PostImagesViewModel.facts(images.images().getFirst())).startsWith("1600 × 900 · featured · PNG, ");
    }

    @Test
    void insertPutsTheSelectedImageAtTheCaretAndMakesThePostDirty() {
        int caret = editor.content.get().indexOf(PostWithImages.INTRO) + PostWithImages.INTRO.length();
        images.useEditor(edit -> editor.content.set(edit.markdown()), () -> caret);
        images.selected.set(fixture.wide);
        images.insert();
        assertThat(editor.content.get()).contains(PostWithImages.INTRO + "\n\n"
                + ImageRefs.markdown(fixture.wide.altText(), fixture.wide.id()) + "\n\n## Method");
        assertThat(images.isShown(fixture.wide)).isTrue();
        assertThat(editor.dirty().get()).isTrue();
    }

    @Test
    void replaceSwapsTheReferencesOutsideCodeKeepingTheirAltText() {
        images.replaceWith(fixture.square);
        String text = editor.content.get();
        assertThat(text).contains("![A rye loaf on a board](postwright-image:" + fixture.square.id() + ")")
                .contains(PostWithImages.FENCE.formatted(fixture.featured.id())); // the code stays as written
        assertThat(images.isShown(fixture.featured)).isFalse();
        assertThat(images.selected.get().id()).isEqualTo(fixture.square.id());
        assertThat(images.altText.get()).isEqualTo("A rye loaf on a board");
    }

    @Test
    void editingAltTextRewritesEveryReferenceAndFollowsTheText() {
        images.altText.set("Rye [dark] crust ");
        assertThat(editor.content.get()).contains("![Rye \\[dark\\] crust ](postwright-image:" + fixture.featured.id() + ")");
        editor.content.set(editor.content.get().replace("crust ", "crumb"));
        assertThat(images.altText.get()).isEqualTo("Rye [dark] crumb");
        images.selected.set(fixture.wide); // not in the post: the field is what Insert will write
        images.altText.set("A card");
        assertThat(ImageRefEdits.ids(editor.content.get())).doesNotContain(fixture.wide.id());
        images.insert();
        assertThat(editor.content.get()).contains("![A card](postwright-image:" + fixture.wide.id() + ")");
    }

    @Test
    void removeTakesTheReferencesOutAndKeepsTheImage() throws Exception {
        images.remove();
        assertThat(ImageRefEdits.ids(editor.content.get())).isEmpty();
        assertThat(editor.content.get()).startsWith("# Rye at home\n\n" + PostWithImages.INTRO);
        assertThat(images.messageProperty().get()).isEqualTo("Taken out of the text; the image stays with the post.");
        assertThat(images.images()).hasSize(3);
        assertThat(fixture.images.ofPost(fixture.post.id())).hasSize(3);
        editor.revert();
        frames.runUntil(() -> images.images().size() == 3);
        assertThat(images.isShown(fixture.featured)).isTrue();
    }

    @Test
    void aPictureFromAFileIsKeptWithThePostAndInserted() throws Exception {
        Path file = dir.resolve("crumb_close-up.png");
        Files.write(file, PostWithImages.png(ImageSize.SOCIAL_CARD).bytes());
        images.addFromFile(file);
        frames.runUntil(() -> images.images().size() == 4);
        StoredImage added = images.images().getLast();
        assertThat(added).extracting(StoredImage::placement, StoredImage::source, StoredImage::prompt,
                StoredImage::altText, StoredImage::postId, StoredImage::jobId, StoredImage::width)
                .containsExactly("inline", "file", "crumb_close-up.png", "Crumb close up", fixture.post.id(), null, 1200);
        assertThat(images.selected.get()).isEqualTo(added);
        assertThat(editor.content.get()).contains("![Crumb close up](postwright-image:" + added.id() + ")");
        assertThat(fixture.images.ofPost(fixture.post.id())).hasSize(4);
    }

    @Test
    void replacingWithAFileKeepsThePictureAndShowsItWhereTheOldOneWas() throws Exception {
        Path file = dir.resolve("new-loaf.jpg.png");
        Files.write(file, PostWithImages.png(ImageSize.FEATURED).bytes());
        images.replaceWithFile(file);
        frames.runUntil(() -> images.images().size() == 4 && images.messageProperty().get().equals("Replaced."));
        StoredImage added = images.images().getLast();
        assertThat(editor.content.get()).contains("![A rye loaf on a board](postwright-image:" + added.id() + ")")
                .contains(PostWithImages.FENCE.formatted(fixture.featured.id()));
        assertThat(ImageRefEdits.ids(editor.content.get())).containsExactly(added.id());
        assertThat(images.selected.get()).isEqualTo(added);
    }

    @Test
    void aFileThatIsNoWholePictureIsRefusedWithASentence() throws Exception {
        byte[] png = PostWithImages.png(ImageSize.SQUARE).bytes();
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(png, png.length / 2));
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "just some notes");
        String before = editor.content.get();

        images.addFromFile(cut);
        frames.runUntil(() -> images.messageProperty().get().contains("Nothing was added"));
        assertThat(images.messageProperty().get()).isEqualTo("“cut.png” is not a whole PNG, JPEG or WebP picture: it is "
                + "a PNG file that stops short (the transfer was cut off). Nothing was added.");
        images.addFromFile(text);
        frames.runUntil(() -> images.messageProperty().get().startsWith("“notes.png”"));
        assertThat(images.messageProperty().get()).isEqualTo("“notes.png” is not a whole PNG, JPEG or WebP picture: it is "
                + "text. Nothing was added.");
        assertThat(fixture.images.ofPost(fixture.post.id())).hasSize(3);
        assertThat(editor.content.get()).isEqualTo(before);
        try (var kept = Files.list(dir.resolve("images"))) {
            assertThat(kept).hasSize(3); // the three cards, nothing more
        }
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("huge.png");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(PictureFiles.MAX_BYTES + 1);
        }
        images.addFromFile(big);
        frames.runUntil(() -> images.messageProperty().get().contains("Nothing was added"));
        assertThat(images.messageProperty().get())
                .isEqualTo("“huge.png” is larger than 20 MB, the most a picture may be. Nothing was added.");
    }

    @Test
    void defaultAltTextComesFromTheFileName() {
        assertThat(PictureFiles.defaultAlt("sourdough-loaf_2.png")).isEqualTo("Sourdough loaf 2");
        assertThat(PictureFiles.defaultAlt(".png")).isEqualTo("Png");
        assertThat(PictureFiles.defaultAlt("---.jpg")).isEqualTo("Picture");
    }
}
