package dev.postwright.llm.builtin.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The downloaded models in {@code <dataDir>/models/}. A download writes {@code <name>.gguf.part};
 * {@link #install} renames it to {@code <name>.gguf} only after its SHA-256 matches the curated one,
 * so a {@code .gguf} file here was verified, and {@link #isInstalled} finds exactly those. Not
 * thread-safe: one download per model at a time.
 */
public final class ModelFolder {
    private final Path folder;

    public ModelFolder(Path dataDir) {
        this.folder = dataDir.resolve("models");
    }

    public Path folder() {
        return folder;
    }

    /** Where the verified model is kept. */
    public Path path(CuratedModel model) {
        return folder.resolve(model.fileName());
    }

    /** Where a download in progress (or paused) keeps its bytes. */
    public Path partPath(CuratedModel model) {
        return folder.resolve(model.fileName() + ".part");
    }

    /** Bytes of a paused or dropped download that a later one can resume from; 0 when none. */
    public long partialBytes(CuratedModel model) throws IOException {
        Path part = partPath(model);
        return Files.isRegularFile(part) ? Files.size(part) : 0;
    }

    /** Whether {@code model}'s verified file is here. */
    public boolean isInstalled(CuratedModel model) {
        return Files.isRegularFile(path(model));
    }

    /**
     * Verifies the part file's SHA-256 and, when it matches, moves it to {@link #path}; when it
     * differs the part file is deleted and false is returned.
     */
    public boolean install(CuratedModel model) throws IOException {
        Path part = partPath(model);
        if (!sha256(part).equals(model.sha256())) {
            Files.deleteIfExists(part);
            return false;
        }
        Files.move(part, path(model), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Deletes the model and any part file; true when something was deleted. */
    public boolean remove(CuratedModel model) throws IOException {
        boolean file = Files.deleteIfExists(path(model));
        boolean part = Files.deleteIfExists(partPath(model));
        return file || part;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
