package dev.postwright.store;

import dev.postwright.model.StoredImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Image bytes as rows of {@code image_bytes} (PostgreSQL's migration V5), so every node on the
 * database serves every image. Each is committed in a transaction of its own before the image's
 * row, as a file is flushed before it; {@code kept_at} plays the file's modification time.
 */
final class ImageRows implements ImageBytes {
    private final SqlDatabase db;
    private final Clock clock;

    ImageRows(SqlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void keep(String sha256, String mediaType, byte[] bytes) {
        long now = clock.millis();
        db.transaction(sql -> {
            // Bytes kept already are not sent again: renewing their time is enough.
            if (sql.update("UPDATE image_bytes SET kept_at = ? WHERE sha256 = ?", now, sha256) == 1) return 1;
            return sql.update("""
                    INSERT INTO image_bytes (sha256, bytes, kept_at) VALUES (?, ?, ?)
                    ON CONFLICT (sha256) DO UPDATE SET kept_at = excluded.kept_at""", sha256, bytes, now);
        });
    }

    @Override
    public byte[] read(StoredImage image) throws IOException {
        Optional<byte[]> bytes = db.read(sql -> sql.queryOne("SELECT bytes FROM image_bytes WHERE sha256 = ?",
                rs -> rs.getBytes(1), image.sha256()));
        if (bytes.isEmpty()) {
            throw new IOException("The image " + image.id() + " is missing from the database at " + db.describe() + ".");
        }
        return bytes.get();
    }

    @Override
    public String described(StoredImage image) {
        return "The image " + image.id();
    }

    @Override
    public int sweep(Instant cutoff) {
        return db.transaction(sql -> sql.update("""
                DELETE FROM image_bytes b WHERE kept_at <= ?
                AND NOT EXISTS (SELECT 1 FROM images i WHERE i.sha256 = b.sha256)""", cutoff.toEpochMilli()));
    }

    @Override
    public Optional<Path> file(StoredImage image) {
        return Optional.empty();
    }
}
