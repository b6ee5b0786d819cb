package dev.postwright.store;

import dev.postwright.model.PictureTypes;
import dev.postwright.model.StoredImage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The library's images: each one's facts a row (migration V8), its bytes named by their SHA-256
 * (so two identical images share them) and kept by an {@link ImageBytes}: files in
 * {@code folder} for the desktop's and a single server's SQLite, rows of the database on a team's
 * PostgreSQL ({@link #inDatabase}), so any node serves an image another made. {@link #save} keeps
 * the bytes durably before the row, so a crash leaves at most bytes no row names, which
 * {@link #sweepUnnamedFiles} removes; a row never names missing bytes unless someone deleted them
 * by hand, which {@link #bytes} reports. A job saves each placement once, however often it runs.
 * Thread-safe.
 */
public final class ImageStore {
    private static final String COLUMNS = """
            id, post_id, job_id, placement, prompt, alt_text, media_type, width, height, size, source, sha256, created_at""";
    /** Bytes this young may be those whose row is being written: the sweep leaves them. */
    private static final Duration SWEEP_GRACE = Duration.ofMinutes(10);

    private final SqlDatabase db;
    private final ImageBytes kept;
    private final Clock clock;
    private final Supplier<String> ids;

    /** Images whose bytes are files in {@code folder}, on either database. */
    public ImageStore(SqlDatabase db, Path folder, Clock clock, Supplier<String> ids) {
        this(db, new ImageFiles(db, folder, clock), clock, ids);
    }

    /**
     * Images as an engine on {@code db} keeps them: on SQLite as files in {@code folder}, on
     * PostgreSQL in the database ({@link #inDatabase}), where {@code folder} is not used.
     */
    public static ImageStore on(SqlDatabase db, Path folder, Clock clock, Supplier<String> ids) {
        return switch (db.dialect()) {
            case SQLITE -> new ImageStore(db, folder, clock, ids);
            case POSTGRESQL -> inDatabase(db, clock, ids);
        };
    }

    private ImageStore(SqlDatabase db, ImageBytes kept, Clock clock, Supplier<String> ids) {
        this.db = db;
        this.kept = kept;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Images whose bytes are rows of {@code db} itself, for the nodes of a team that share it and
     * no folder.
     *
     * @throws IllegalArgumentException {@code db} is SQLite, whose schema keeps no bytes
     */
    public static ImageStore inDatabase(SqlDatabase db, Clock clock, Supplier<String> ids) {
        if (db.dialect() != SqlDatabase.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("image bytes are kept in PostgreSQL only; SQLite's are files");
        }
        return new ImageStore(db, new ImageRows(db, clock), clock, ids);
    }

    /**
     * An image to keep.
     *
     * @param jobId  the job that made it, or null; with one, a second save of the same
     *               {@code placement} returns the first image instead of storing another
     * @param owner  the team server's user it belongs to, or null for the desktop's own
     */
    public record NewImage(byte[] bytes, String mediaType, int width, int height, String placement, String prompt,
                           String altText, String source, String jobId, String postId, String owner) {
        public NewImage {
            if (!PictureTypes.isPicture(mediaType)) throw new IllegalArgumentException("not a stored image type: " + mediaType);
            if (bytes.length == 0 || width <= 0 || height <= 0) throw new IllegalArgumentException("an empty image");
        }
    }

    /**
     * Keeps {@code image}: its bytes first (a file flushed to disk, or a committed row), then its row.
     *
     * @return the image as stored; for a job's placement stored before, that first image
     * @throws IOException    when the file cannot be written (nothing is stored)
     * @throws StoreException when the row cannot be, or the bytes' row (the bytes stay for the sweep)
     */
    public StoredImage save(NewImage image) throws IOException {
        StoredImage kept = keepFile(image);
        return db.transaction(sql -> {
            recording(List.of(kept), image.owner()).run(sql);
            return image.jobId() == null
                    ? sql.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ?", ImageStore::map, kept.id()).orElseThrow()
                    : sql.queryOne("SELECT " + COLUMNS + " FROM images WHERE job_id = ? AND placement = ?", ImageStore::map,
                            image.jobId(), image.placement()).orElseThrow();
        });
    }

    /**
     * The first half of {@link #save}, for a job that records the row in a transaction of its own
     * (its stage's checkpoint, so a cancelled job leaves no row): keeps the bytes durably (the
     * file, or on PostgreSQL their row, committed) and returns the image its row will describe,
     * with a new id.
     *
     * @throws IOException    when the file cannot be written
     * @throws StoreException when the database cannot keep the bytes
     */
    public StoredImage keepFile(NewImage image) throws IOException {
        byte[] bytes = image.bytes();
        String sha256 = sha256(bytes);
        kept.keep(sha256, image.mediaType(), bytes);
        return new StoredImage(ids.get(), image.postId(), image.jobId(), image.placement(), image.prompt(),
                image.altText(), image.mediaType(), image.width(), image.height(), bytes.length, image.source(), sha256,
                Instant.ofEpochMilli(clock.millis()));
    }

    /**
     * The second half: the write work that records {@code images} (whose files {@link #keepFile}
     * kept) as {@code owner}'s. A job's placement recorded before is left as it was. An image
     * whose post no longer exists (purged meanwhile) is recorded without one, never naming it.
     */
    public SqlWork<Integer> recording(List<StoredImage> images, String owner) {
        return sql -> {
            int recorded = 0;
            for (StoredImage i : images) {
                recorded += sql.update("""
                        INSERT INTO images (id, owner, job_id, post_id, placement, prompt, alt_text, media_type, width,
                                            height, size, source, sha256, created_at)
                        VALUES (?, ?, ?, (SELECT id FROM posts WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (job_id, placement) WHERE job_id IS NOT NULL DO NOTHING""", i.id(), owner, i.jobId(),
                        i.postId(), i.placement(), i.prompt(), i.altText(), i.mediaType(), i.width(), i.height(), i.size(),
                        i.source(), i.sha256(), i.createdAt().toEpochMilli());
            }
            return recorded;
        };
    }

    /**
     * The write work that gives a job's images to the post it saved, for the save stage's own
     * transaction (so the post and its images are one commit).
     */
    public SqlWork<Integer> attaching(String jobId, String postId) {
        return sql -> sql.update("UPDATE images SET post_id = ? WHERE job_id = ? AND post_id IS NULL", postId, jobId);
    }

    /** Gives a job's images to the post it saved, in a transaction of its own; returns how many. */
    public int attach(String jobId, String postId) {
        return db.transaction(attaching(jobId, postId));
    }

    /**
     * Records that the post shows image {@code id} as its featured image (the writer chose it), so
     * a later choice replaces it there; false when there is no such image.
     */
    public boolean placeAsFeatured(String id) {
        return db.transaction(sql -> sql.update("UPDATE images SET placement = 'featured' WHERE id = ?", id)) > 0;
    }

    public Optional<StoredImage> find(String id) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ?", ImageStore::map, id));
    }

    /** {@code owner}'s image {@code id}; empty when absent or someone else's. */
    public Optional<StoredImage> findOwned(String id, String owner) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM images WHERE id = ? AND owner = ?",
                ImageStore::map, id, owner));
    }

    /** The post's images, oldest first. */
    public List<StoredImage> ofPost(String postId) {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM images WHERE post_id = ? ORDER BY key", ImageStore::map,
                postId));
    }

    /** The images a job made, oldest first. */
    public List<StoredImage> ofJob(String jobId) {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM images WHERE job_id = ? ORDER BY key", ImageStore::map,
                jobId));
    }

    /**
     * The file that holds the image's bytes.
     *
     * @throws IllegalStateException the bytes are kept in the database ({@link #inDatabase}), not
     *                               in a file: use {@link #bytes}
     */
    public Path file(StoredImage image) {
        return kept.file(image).orElseThrow(() -> new IllegalStateException(
                "image " + image.id() + " is kept in the database, not in a file"));
    }

    /**
     * The image's bytes, checked against its SHA-256.
     *
     * @throws IOException    with a sentence when they are missing or damaged
     * @throws StoreException when the database cannot be read
     */
    public byte[] bytes(StoredImage image) throws IOException {
        byte[] bytes = kept.read(image);
        if (!sha256(bytes).equals(image.sha256())) {
            throw new IOException(kept.described(image) + " is damaged: its contents changed since it was saved.");
        }
        return bytes;
    }

    /**
     * Deletes the bytes no row names (a post purged with its images, a save that crashed between
     * bytes and row), except those kept in the last few minutes, whose rows may be on their way:
     * files, or on PostgreSQL rows of the database (a sweep by one node is a sweep for all).
     *
     * @return how many files (or rows of bytes) were deleted
     */
    public int sweepUnnamedFiles() throws IOException {
        return kept.sweep(clock.instant().minus(SWEEP_GRACE));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static StoredImage map(ResultSet rs) throws SQLException {
        return new StoredImage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getLong(10), rs.getString(11),
                rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)));
    }
}
