package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library is private to its user: the folder 0700, the database and SQLite's side files 0600. */
class PrivateDataTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsPosixPermissions() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions; Postwright skips them there");
    }

    @Test
    void aNewDataFolderAndItsFilesAreOnlyTheOwners() throws Exception {
        Path folder = dir.resolve("data");
        Path file = DataDirectory.databaseIn(folder);
        try (Database db = Database.open(file)) {
            db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                    + "VALUES ('a', 'queued', '{}', 0, 0, 0)"));
            assertThat(permissions(folder)).isEqualTo("rwx------");
            assertThat(permissions(file)).isEqualTo("rw-------");
            // SQLite made these itself, with the database's permissions.
            assertThat(permissions(sibling(file, "-wal"))).isEqualTo("rw-------");
            assertThat(permissions(sibling(file, "-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingLibraryAndItsFolderAreMadePrivate() throws Exception {
        Path folder = dir.resolve("data");
        Path file = DataDirectory.databaseIn(folder);
        Database.open(file).close();
        Files.writeString(folder.resolve("server-secret"), "kept by serve\n");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (Database db = Database.open(file)) {
            assertThat(permissions(folder)).isEqualTo("rwx------");
            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(permissions(sibling(file, "-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aFolderThatAlsoHoldsOtherThingsKeepsItsPermissions() throws Exception {
        Path folder = dir.resolve("documents");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "the writer's own file");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = DataDirectory.databaseIn(folder);
        Database.open(file).close();
        assertThat(permissions(folder)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
