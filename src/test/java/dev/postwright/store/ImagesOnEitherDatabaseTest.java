package dev.postwright.store;

import static dev.postwright.store.ImageStoreTest.PNG;
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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The image store's contract as an engine opens it ({@link ImageStore#on}): bytes in files beside
 * a SQLite file, bytes in the database on PostgreSQL, read back by another database object on the
 * same data (on PostgreSQL, another node, which has no folder of the first's). The file layout
 * itself is ImageStoreTest's.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class ImagesOnEitherDatabaseTest {
    @Parameter
    TestDatabases.Kind kind;
    @TempDir Path dir;
    // Now, not a fixed instant: on SQLite the sweep compares the clock with the files' real times.
    final MutableClock clock = new MutableClock(Instant.now());
    TestDatabases databases;
    SqlDatabase db;
    PostLibrary library;
    ImageStore images;

    @BeforeEach
    void open() throws Exception {
        databases = TestDatabases.fresh(kind, dir);
        db = databases.open();
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(1)));
        images = imagesOn(db, "node-a", 2);
    }

    @AfterEach
    void close() throws Exception {
        databases.close();
    }

    /** The store a node makes; on SQLite every "node" shares the data folder, as engines on one file do. */
    private ImageStore imagesOn(SqlDatabase database, String node, int seed) {
        Path folder = dir.resolve(kind == TestDatabases.Kind.SQLITE ? "images" : node + "-images");
        return ImageStore.on(database, folder, clock, new TimeOrderedIds(clock, new Random(seed)));
    }

    private static ImageStore.NewImage image(byte[] bytes, String placement, String jobId, String postId) {
        return new ImageStore.NewImage(bytes, "image/png", 1200, 630, placement, "A loaf on a board", "A rye loaf",
                "offline", jobId, postId, null);
    }

    @Test
    void anImageSavedOnOneNodeIsReadBackCheckedOnAnother() throws Exception {
        StoredImage stored = images.save(image(PNG, "featured", null, null));
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(stored.sha256()).isEqualTo(ImageStore.sha256(PNG));

        ImageStore elsewhere = imagesOn(databases.open(), "node-b", 3);
        assertThat(elsewhere.find(stored.id())).contains(stored);
        assertThat(elsewhere.bytes(stored)).isEqualTo(PNG);
        if (kind == TestDatabases.Kind.POSTGRESQL) {
            assertThat(dir).isEmptyDirectory(); // nothing on this machine's disk
            assertThatThrownBy(() -> elsewhere.file(stored)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kept in the database");
        } else {
            assertThat(elsewhere.file(stored)).hasBinaryContent(PNG);
        }
    }

    @Test
    void aJobMakesEachPlacementOnceAndTheSameBytesAreKeptOnce() throws Exception {
        StoredImage first = images.save(image(PNG, "featured", "job-1", null));
        StoredImage again = images.save(image(ImageStoreTest.concat(PNG, new byte[] {1}), "featured", "job-1", null));
        StoredImage card = images.save(image(PNG, "social-wide", "job-1", null));

        assertThat(again).isEqualTo(first);
        assertThat(images.ofJob("job-1")).containsExactly(first, card);
        assertThat(card.sha256()).isEqualTo(first.sha256());
        assertThat(images.bytes(card)).isEqualTo(PNG);
    }

    @Test
    void aPurgedPostsImagesGoWithItAndTheirBytesAreSweptOnceNoRowNamesThem() throws Exception {
        StoredImage featured = images.save(image(PNG, "featured", "job-1", null));
        LibraryPost post = library.save(new PostLibrary.NewPost(LibraryVersionsTest.post("Rye", "Text"), "org", "rye",
                null, "draft", 1, "job-1"));
        assertThat(db.transaction(images.attaching("job-1", post.id()))).isEqualTo(1);
        assertThat(images.ofPost(post.id())).extracting(StoredImage::id).containsExactly(featured.id());

        assertThat(images.sweepUnnamedFiles()).isZero(); // named by a row: kept
        library.delete(post.id());
        clock.advance(Duration.ofDays(31));
        library.purgeDeletedBefore(clock.instant().minus(Duration.ofDays(30)));

        assertThat(images.ofPost(post.id())).isEmpty();
        assertThat(images.bytes(featured)).isEqualTo(PNG); // until the sweep
        assertThat(images.sweepUnnamedFiles()).isEqualTo(1);
        assertThatThrownBy(() -> images.bytes(featured)).isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    @Test
    void freshBytesWithoutARowAreLeftForTheirRowAndOldOnesAreSwept() throws Exception {
        StoredImage kept = images.keepFile(image(PNG, "inline", "job-1", null)); // a job that crashed before its row

        assertThat(images.sweepUnnamedFiles()).isZero();
        clock.advance(Duration.ofMinutes(11));
        assertThat(images.sweepUnnamedFiles()).isEqualTo(1);
        assertThatThrownBy(() -> images.bytes(kept)).isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    @Test
    void anImageJobsPicturesForNoPostGoWithTheJobAndOthersStay() throws Exception {
        db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at, kind) "
                + "VALUES ('image-1', 'succeeded', '{}', 1, 1, 1, 'image')"));
        LibraryPost post = library.save(new PostLibrary.NewPost(LibraryVersionsTest.post("Rye", "Text"), "org", "rye",
                null, "draft", 1, null));
        StoredImage loose = images.save(image(PNG, "inline", "image-1", null));
        StoredImage placed = images.save(image(PNG, "featured", "image-1", post.id()));

        db.transaction(sql -> sql.update("DELETE FROM jobs WHERE id = 'image-1'"));
        assertThat(images.find(loose.id())).isEmpty();
        assertThat(images.find(placed.id())).isPresent();
        assertThat(images.ofPost(post.id())).extracting(StoredImage::id).containsExactly(placed.id());
    }

    @Test
    void changedBytesAreSaidInWords() throws Exception {
        StoredImage stored = images.save(image(PNG, "featured", null, null));
        byte[] changed = "changed".getBytes(StandardCharsets.US_ASCII);
        switch (kind) {
            case SQLITE -> Files.write(images.file(stored), changed);
            case POSTGRESQL -> db.transaction(sql -> sql.update("UPDATE image_bytes SET bytes = ? WHERE sha256 = ?",
                    changed, stored.sha256()));
        }
        assertThatThrownBy(() -> images.bytes(stored)).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }
}
