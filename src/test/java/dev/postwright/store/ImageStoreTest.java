package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.LibraryPost;
import dev.postwright.model.StoredImage;
import dev.postwright.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images kept as files named by their SHA-256 plus rows, on a real database file and folder. */
class ImageStoreTest {
    /** A real PNG's signature and a few bytes after it: the store keeps bytes, it does not decode them. */
    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "not really the rest of a PNG".getBytes(StandardCharsets.US_ASCII));

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.now());
    Database db;
    PostLibrary library;
    ImageStore images;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(1)));
        images = new ImageStore(db, dir.resolve("images"), clock, new TimeOrderedIds(clock, new Random(2)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static ImageStore.NewImage image(byte[] bytes, String placement, String jobId) {
        return new ImageStore.NewImage(bytes, "image/png", 1200, 630, placement, "A loaf on a board", "A rye loaf",
                "offline", jobId, null, null);
    }

    @Test
    void anImageIsAFileNamedByItsHashAndARowAndReadsBackChecked() throws Exception {
        StoredImage stored = images.save(image(PNG, "featured", null));

        assertThat(images.file(stored)).exists().hasBinaryContent(PNG);
        assertThat(images.file(stored).getFileName().toString()).isEqualTo(ImageStore.sha256(PNG) + ".png");
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(images.bytes(stored)).isEqualTo(PNG);
        assertThat(images.find(stored.id())).contains(stored);
        assertThat(dir.resolve("images")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aJobMakesEachPlacementOnceHoweverOftenItRuns() throws Exception {
        StoredImage first = images.save(image(PNG, "featured", "job-1"));
        StoredImage again = images.save(image(concat(PNG, new byte[] {1}), "featured", "job-1"));
        StoredImage card = images.save(image(PNG, "social-wide", "job-1"));

        assertThat(again).isEqualTo(first);
        assertThat(images.ofJob("job-1")).containsExactly(first, card);
        assertThat(images.file(card)).isEqualTo(images.file(first)); // the same bytes share one file
    }

    @Test
    void aJobsImagesGoToItsPostAndWithItWhenItIsPurgedAndTheirFileIsSwept() throws Exception {
        StoredImage featured = images.save(image(PNG, "featured", "job-1"));
        LibraryPost post = library.save(new PostLibrary.NewPost(LibraryVersionsTest.post("Rye", "Text"), "org", "rye",
                null, "draft", 1, "job-1"));
        assertThat(db.transaction(images.attaching("job-1", post.id()))).isEqualTo(1);
        assertThat(images.ofPost(post.id())).extracting(StoredImage::id).containsExactly(featured.id());

        assertThat(images.sweepUnnamedFiles()).isZero(); // named by a row: kept
        library.delete(post.id());
        clock.advance(Duration.ofDays(31));
        library.purgeDeletedBefore(clock.instant().minus(Duration.ofDays(30)));

        assertThat(images.ofPost(post.id())).isEmpty();
        assertThat(images.file(featured)).exists(); // until the sweep
        assertThat(images.sweepUnnamedFiles()).isEqualTo(1);
        assertThat(images.file(featured)).doesNotExist();
    }

    @Test
    void aFreshFileWithoutARowIsLeftForItsRowAndAnOldOneOrALeftOverTempIsSwept() throws Exception {
        Path folder = dir.resolve("images");
        Files.createDirectories(folder);
        Path orphan = Files.write(folder.resolve(ImageStore.sha256(PNG) + ".png"), PNG);
        Path temp = Files.write(folder.resolve("." + ImageStore.sha256(PNG) + ".png.1234.tmp"), PNG);

        assertThat(images.sweepUnnamedFiles()).isZero();
        clock.advance(Duration.ofMinutes(11));
        assertThat(images.sweepUnnamedFiles()).isEqualTo(2);
        assertThat(orphan).doesNotExist();
        assertThat(temp).doesNotExist();
    }

    @Test
    void aMissingOrChangedFileIsSaidInWords() throws Exception {
        StoredImage stored = images.save(image(PNG, "featured", null));
        Files.write(images.file(stored), "changed".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> images.bytes(stored)).isInstanceOf(IOException.class).hasMessageContaining("damaged");
        Files.delete(images.file(stored));
        assertThatThrownBy(() -> images.bytes(stored)).isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    @Test
    void onlyImageTypesAreKept() {
        assertThatThrownBy(() -> new ImageStore.NewImage("<html>".getBytes(StandardCharsets.US_ASCII), "text/html", 1, 1,
                "featured", "p", "a", "s", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
