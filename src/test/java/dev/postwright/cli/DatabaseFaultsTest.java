package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.store.StoreException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on real database files that cannot be used: damaged pages found after the file
 * opened, and another program's file. Each ends with exit 3 and one sentence, no stack trace.
 */
class DatabaseFaultsTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void generateOnADatabaseWithDamagedPagesExitsThreeWithASentence() throws Exception {
        Path data = libraryWithDamagedJobPages();
        CommandRun run = run("generate", "--request", brief().toString(), "--data-dir", data.toString());
        assertDamagedSentenceAlone(run, data);
    }

    @Test
    void serveOnADatabaseWithDamagedPagesExitsThreeWithASentence() throws Exception {
        Path data = libraryWithDamagedJobPages();
        // Bounded, so that a server that starts anyway fails the test instead of hanging it.
        CommandRun run = CompletableFuture.supplyAsync(() -> run("serve", "--port", "0", "--data-dir", data.toString()))
                .get(60, TimeUnit.SECONDS);
        assertDamagedSentenceAlone(run, data);
    }

    @Test
    void jobsListOnADatabaseWithDamagedPagesExitsThreeWithASentence() throws Exception {
        Path data = libraryWithDamagedJobPages();
        assertDamagedSentenceAlone(run("jobs", "list", "--data-dir", data.toString()), data);
    }

    @Test
    void anotherProgramsDatabaseIsRefusedWithExitThreeAndLeftAsItWas() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path file = data.resolve("postwright.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contacts (name TEXT, email TEXT)");
            statement.execute("INSERT INTO contacts VALUES ('Ana', 'ana@example.com')");
        }
        byte[] before = Files.readAllBytes(file);
        CommandRun run = run("jobs", "list", "--data-dir", data.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(run.err().strip()).isEqualTo("The file " + file.toAbsolutePath() + " belongs to another program: it is not "
                + "a Postwright database, so Postwright has left it exactly as it was. Move it elsewhere, or choose "
                + "another data folder, and Postwright will make its own database there.");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void theLogACommandWritesToTheTerminalHasNoStackTraces() {
        run("jobs", "list", "--data-dir", dir.resolve("data").toString());
        var console = Arrays.stream(Logger.getLogger("").getHandlers()).filter(ConsoleHandler.class::isInstance)
                .findFirst().orElseThrow(() -> new AssertionError("no console handler on the root logger"));
        var record = new LogRecord(Level.WARNING, "Queue housekeeping failed; it runs again shortly");
        record.setLoggerName("dev.postwright.queue.internal.SqlJobQueue");
        record.setThrown(new StoreException("The disk holding the Postwright database is full. Free some space and "
                + "try again.", new SQLException("[SQLITE_FULL] database or disk is full", null, 13)));
        String line = console.getFormatter().format(record);
        assertThat(line.lines()).singleElement().asString()
                .contains("WARNING dev.postwright.queue.internal.SqlJobQueue: Queue housekeeping failed")
                .contains("(The disk holding the Postwright database is full. Free some space and try again.)")
                .contains("([SQLITE_FULL] database or disk is full)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void assertDamagedSentenceAlone(CommandRun run, Path data) {
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(run.err().strip()).isEqualTo("The Postwright database at " + data.resolve("postwright.db").toAbsolutePath()
                + " is damaged or is not a Postwright database. Move it aside (or restore a backup) and start "
                + "Postwright again; it will create a new, empty one.");
    }

    private Path brief() throws Exception {
        Path brief = dir.resolve("brief.json");
        if (!Files.exists(brief)) Files.writeString(brief, CommandLineTest.BRIEF);
        return brief;
    }

    /**
     * A real library (two posts generated through the command line) whose jobs table and indexes
     * are overwritten with junk in place, mid-file: the header and the schema still read, so the
     * file opens, and the damage shows at the first statement that touches a job.
     */
    private Path libraryWithDamagedJobPages() throws Exception {
        Path data = dir.resolve("data");
        for (int i = 0; i < 2; i++) {
            CommandRun made = run("generate", "--request", brief().toString(), "--out", dir.resolve("post.md").toString(),
                    "--data-dir", data.toString());
            assertThat(made.exit()).as(made.err()).isZero();
        }
        Path file = data.resolve("postwright.db");
        List<Long> pages = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("PRAGMA page_size")) {
                assertThat(rs.getInt(1)).isEqualTo(PAGE);
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // every page in the main file
            try (var rs = statement.executeQuery("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'jobs' AND rootpage > 1")) {
                while (rs.next()) pages.add(rs.getLong(1));
            }
        }
        long size = Files.size(file);
        assertThat(pages).isNotEmpty().allMatch(p -> p * PAGE < size);
        byte[] junk = new byte[PAGE];
        Arrays.fill(junk, (byte) 0xA5);
        try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page : pages) {
                raw.seek((page - 1) * PAGE);
                raw.write(junk);
            }
        }
        return data;
    }
}
