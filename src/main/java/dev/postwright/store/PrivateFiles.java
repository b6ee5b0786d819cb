package dev.postwright.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data folder and the database files private to the user who runs Postwright: the
 * folder 0700, the files 0600, so that on a shared computer (a team server) no other account can
 * read a writer's library. Where the file system has no POSIX permissions (Windows, FAT) every
 * method does nothing: there the folder's place (a per-user profile) is what keeps it private.
 *
 * <p>Tightening is best effort: a file we cannot change (another user's) is logged and left.
 */
final class PrivateFiles {
    private static final System.Logger LOG = System.getLogger(PrivateFiles.class.getName());
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final String SQLITE_SIDE_FILES = "-wal -shm -journal";

    private PrivateFiles() {}

    /** Creates {@code folder} if needed: its parents as usual, the folder itself 0700. */
    static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) return;
        if (folder.getParent() != null) Files.createDirectories(folder.getParent());
        try {
            if (posix(folder.getParent())) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException another) {
            if (!Files.isDirectory(folder)) throw another; // else another process made it just now
        }
    }

    /**
     * Tightens an existing {@code folder} to its owner when it holds nothing but {@code ownFile},
     * the files beside it and the server's secret: a folder that also holds other things (a home
     * folder, /tmp) is the writer's to manage, and is left as it is.
     */
    static void tightenFolder(Path folder, Path ownFile) {
        if (onlyPostwrightFiles(folder, ownFile)) tighten(folder);
    }

    /** Creates an empty {@code file} that only its owner may read and write, unless it exists. */
    static void emptyFile(Path file) throws IOException {
        if (Files.exists(file) || !posix(file.getParent())) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException anotherProcessMadeIt) {
            // theirs is as good: it was made the same way
        }
    }

    /**
     * Takes group and other permissions off the database and the files SQLite keeps beside it.
     * SQLite gives a new -wal or -shm file the database's own permissions, so a private database
     * keeps its side files private too; this catches files made before.
     */
    static void database(Path file) {
        tighten(file);
        for (String suffix : SQLITE_SIDE_FILES.split(" ")) tighten(file.resolveSibling(file.getFileName() + suffix));
    }

    private static void tighten(Path path) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view == null || !Files.exists(path)) return;
            var attributes = view.readAttributes();
            Set<PosixFilePermission> now = attributes.permissions();
            if (now.stream().noneMatch(OTHERS::contains)) return;
            // Someone else's file (root running for another user) is theirs to decide about.
            if (!attributes.owner().getName().equals(System.getProperty("user.name"))) return;
            Set<PosixFilePermission> own = EnumSet.copyOf(now);
            own.removeAll(OTHERS);
            view.setPermissions(own);
            LOG.log(Level.INFO, "Made {0} private to its owner (it was {1})", path, PosixFilePermissions.toString(now));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, "Could not make {0} private: {1}", path, e.toString());
        }
    }

    private static boolean onlyPostwrightFiles(Path folder, Path ownFile) {
        String prefix = ownFile.getFileName().toString();
        try (Stream<Path> entries = Files.list(folder)) {
            // Besides the database: the server's token secret, remembered remote job lists.
            return entries.map(p -> p.getFileName().toString())
                    .allMatch(n -> n.startsWith(prefix) || n.startsWith("server-secret") || n.startsWith(".server-secret")
                            || n.equals("remote-jobs"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean posix(Path path) {
        Path existing = path == null ? Path.of("").toAbsolutePath() : path;
        return Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
