package dev.postwright.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite failures into sentences a writer can act on. */
final class SqliteErrors {
    /** Less than this left on the disk, and an I/O error is taken for a full disk. */
    private static final long NO_ROOM_BYTES = 1024 * 1024;

    private SqliteErrors() {}

    /** What went wrong, in the order a writer should consider it. */
    enum Kind { DAMAGED, LOCKED, READ_ONLY, FULL, CANNOT_OPEN, OTHER }

    static Kind kind(SQLException e) {
        // Extended result codes (SQLITE_BUSY_SNAPSHOT = 517…) keep the primary code in the low byte.
        return switch (e.getErrorCode() & 0xff) {
            case 11, 26 -> Kind.DAMAGED;       // SQLITE_CORRUPT, SQLITE_NOTADB
            case 5, 6 -> Kind.LOCKED;          // SQLITE_BUSY, SQLITE_LOCKED
            case 8, 3 -> Kind.READ_ONLY;       // SQLITE_READONLY, SQLITE_PERM
            case 13 -> Kind.FULL;              // SQLITE_FULL
            case 14 -> Kind.CANNOT_OPEN;       // SQLITE_CANTOPEN
            default -> Kind.OTHER;
        };
    }

    /**
     * As {@link #kind(SQLException)}, and an I/O error on a disk with next to no room left is a
     * full disk: SQLite reports running out of space while growing its shared-memory file
     * (SQLITE_IOERR_SHMSIZE) or writing (SQLITE_IOERR_WRITE) as I/O errors, not as SQLITE_FULL.
     */
    static Kind kind(SQLException e, Path file) {
        Kind kind = kind(e);
        if (kind == Kind.OTHER && (e.getErrorCode() & 0xff) == 10 /* SQLITE_IOERR */ && hasNoRoom(file)) return Kind.FULL;
        return kind;
    }

    private static boolean hasNoRoom(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return Files.getFileStore(folder).getUsableSpace() < NO_ROOM_BYTES;
        } catch (IOException | RuntimeException e) {
            return false; // cannot tell: say no more than SQLite did
        }
    }

    static String describe(Kind kind, Path file) {
        return switch (kind) {
            case DAMAGED -> "The Postwright database at " + file + " is damaged or is not a Postwright database. "
                    + "Move it aside (or restore a backup) and start Postwright again; it will create a new, empty one.";
            case LOCKED -> "The Postwright database at " + file + " is locked by another program. "
                    + "Close that program (or the other Postwright window) and try again.";
            case READ_ONLY -> "Postwright cannot write to its database at " + file + ": the file or its folder is "
                    + "read-only. Give your user write access to it, or choose another data folder.";
            case FULL -> "The disk is full: free some space on the disk that holds Postwright's data (" + file.getParent()
                    + "). Nothing saved so far is lost.";
            case CANNOT_OPEN -> "Postwright cannot open its database at " + file + ". Check that the folder exists "
                    + "and that your user may write to it.";
            case OTHER -> "Postwright could not use its database at " + file + ".";
        };
    }

    /** As {@link #describe}, for a failure while opening: nothing goes on by itself then. */
    static String describeAtOpen(Kind kind, Path file) {
        if (kind != Kind.FULL) return describe(kind, file);
        return "The disk is full: free some space on the disk that holds Postwright's data (" + file.getParent()
                + "), then start Postwright again. Nothing saved so far is lost.";
    }

    static StoreException toStoreException(SQLException e, Path file) {
        Kind kind = kind(e, file);
        // Damaged pages usually show only when a statement reaches them, long after the file opened.
        return new StoreException(describe(kind, file), e, kind != Kind.OTHER, kind == Kind.FULL);
    }
}
