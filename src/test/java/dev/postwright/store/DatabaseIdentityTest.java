package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Postwright's files carry its application id; other programs' files of the same name are left alone. */
class DatabaseIdentityTest {
    private static final int POSTWRIGHT = 0x50575254; // "PWRT"
    private static final int GEOPACKAGE = 0x47504B47; // "GPKG", another program's id

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseCarriesPostwrightsApplicationId() throws Exception {
        Path file = dir.resolve("postwright.db");
        Database.open(file).close();
        assertThat(pragma(file, "application_id")).isEqualTo(POSTWRIGHT);
    }

    @Test
    void aLibraryFromBeforeTheIdIsMarkedAndKeepsItsData() throws Exception {
        Path file = dir.resolve("postwright.db");
        try (Database db = Database.open(file)) {
            db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) "
                    + "VALUES ('old', 'queued', '{}', 0, 0, 0)"));
        }
        execute(file, "PRAGMA application_id = 0"); // as every library made before the id existed
        assertThat(pragma(file, "application_id")).isZero();

        try (Database db = Database.open(file)) {
            java.util.Optional<String> id = db.read(sql -> sql.queryOne("SELECT id FROM jobs", rs -> rs.getString(1)));
            assertThat(id).contains("old");
        }
        assertThat(pragma(file, "application_id")).isEqualTo(POSTWRIGHT);
        assertThat(pragma(file, "user_version")).isEqualTo(Migrations.latest());
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("postwright.db");
        execute(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
                "INSERT INTO notes (text) VALUES ('my shopping list')", "PRAGMA user_version = 3");
        assertRefusedAndUntouched(file);
    }

    @Test
    void aFileWithOnlyATableNamedLikeOneOfOursIsStillForeign() throws Exception {
        Path file = dir.resolve("postwright.db");
        execute(file, "CREATE TABLE jobs (name TEXT, cron TEXT)", "PRAGMA user_version = 2");
        assertRefusedAndUntouched(file);
    }

    @Test
    void aFileWithAnotherProgramsIdIsRefusedEvenWithOurTables() throws Exception {
        Path file = dir.resolve("postwright.db");
        Database.open(file).close();
        execute(file, "PRAGMA application_id = " + GEOPACKAGE);
        assertRefusedAndUntouched(file);
    }

    private void assertRefusedAndUntouched(Path file) throws Exception {
        byte[] before = Files.readAllBytes(file);
        var permissionsBefore = Files.getPosixFilePermissions(file);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("The file " + file + " belongs to another program: it is not a Postwright database, so "
                        + "Postwright has left it exactly as it was. Move it elsewhere, or choose another data folder, "
                        + "and Postwright will make its own database there.");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissionsBefore);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("postwright.db");
        }
    }

    private static void execute(Path file, String... statements) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            for (String sql : statements) statement.execute(sql);
        }
    }

    private static int pragma(Path file, String name) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement();
             var rs = statement.executeQuery("PRAGMA " + name)) {
            return rs.getInt(1);
        }
    }
}
