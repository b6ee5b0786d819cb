package dev.postwright.store;

import java.nio.file.Path;

/**
 * The database cannot be opened: damaged, locked by another program, read-only, from a newer
 * Postwright, or on a path that does not work. {@link #getMessage()} says so in a writer's words
 * and names the file; nothing was changed on disk.
 */
public final class DatabaseUnavailableException extends Exception {
    private final Path file;

    public DatabaseUnavailableException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
