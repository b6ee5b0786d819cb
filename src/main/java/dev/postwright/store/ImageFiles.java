package dev.postwright.store;

import dev.postwright.model.PictureTypes;
import dev.postwright.model.StoredImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Image bytes as files in a folder of the data folder, {@code SHA256.EXT}, written atomically and
 * flushed (migration V8). A file another program deleted is reported, never recreated.
 */
final class ImageFiles implements ImageBytes {
    private final SqlDatabase db;
    private final Path folder;
    private final Clock clock;

    ImageFiles(SqlDatabase db, Path folder, Clock clock) {
        this.db = db;
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public void keep(String sha256, String mediaType, byte[] bytes) throws IOException {
        Path file = fileOf(sha256, mediaType);
        if (Files.exists(file) && Files.size(file) == bytes.length) {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } else {
            AtomicFiles.writeBytes(file, bytes);
        }
    }

    @Override
    public byte[] read(StoredImage image) throws IOException {
        Path file = fileOf(image.sha256(), image.mediaType());
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("The image file " + file.getFileName() + " is missing from " + folder + ".", e);
        }
    }

    @Override
    public String described(StoredImage image) {
        return "The image file " + fileOf(image.sha256(), image.mediaType()).getFileName();
    }

    @Override
    public int sweep(Instant cutoff) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        Set<String> named = new HashSet<>(db.read(sql -> sql.query("SELECT DISTINCT sha256 FROM images",
                rs -> rs.getString(1))));
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dot = name.indexOf('.');
                boolean leftOverTemp = name.startsWith(".") && name.endsWith(".tmp");
                if (!leftOverTemp && (dot <= 0 || named.contains(name.substring(0, dot)))) continue;
                if (Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) continue;
                if (Files.deleteIfExists(file)) deleted++;
            }
        }
        return deleted;
    }

    @Override
    public Optional<Path> file(StoredImage image) {
        return Optional.of(fileOf(image.sha256(), image.mediaType()));
    }

    private Path fileOf(String sha256, String mediaType) {
        return folder.resolve(sha256 + "." + PictureTypes.extension(mediaType).orElseThrow());
    }
}
