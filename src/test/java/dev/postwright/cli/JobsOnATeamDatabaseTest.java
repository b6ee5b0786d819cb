package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.Postwright;
import dev.postwright.engine.LocalEngine;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresDatabase;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postwright jobs … --database postgresql://…}: an operator lists, inspects, cancels and
 * retries the jobs every serve node of a team shares, from any machine that reaches the database.
 */
class JobsOnATeamDatabaseTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    @Test
    void anOperatorListsShowsCancelsAndRetriesTheTeamsJobs() throws Exception {
        PostgresAddress db = TestPostgres.freshDatabase();
        String ada, grace;
        try (LocalEngine node = LocalEngine.open(PostgresDatabase.open(db), dir.resolve("node"), OfflineWriter::new,
                OfflineImageMaker::new, QueueSettings.DEFAULTS.withWorkers(0), Clock.systemUTC())) {
            ada = node.jobs().enqueue(Briefs.brief("Ada's post"), "ada");
            grace = node.jobs().enqueue(Briefs.brief("Grace's post"), "grace");
        }
        String address = "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.database();
        Path password = dir.resolve("password");
        Files.writeString(password, TestPostgres.server().getProperty("password") + "\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String[] team = {"--database", address, "--database-password-file", password.toString(),
                "--data-dir", dir.resolve("operator").toString()};

        Run list = jobs(team, "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out().lines()).hasSize(2).anySatisfy(line -> assertThat(line).startsWith(ada).contains("queued"))
                .anySatisfy(line -> assertThat(line).startsWith(grace));

        assertThat(jobs(team, "cancel", ada).out()).isEqualTo("Cancelled job " + ada + ".\n");
        assertThat(jobs(team, "show", ada).out()).contains("\"errorCode\":\"CANCELLED\"").contains("\"owner\":\"ada\"");
        assertThat(jobs(team, "retry", ada).exit()).isZero();
        try (var database = PostgresDatabase.open(db);
             LocalEngine node = LocalEngine.open(database, dir.resolve("node"), OfflineWriter::new,
                     OfflineImageMaker::new, QueueSettings.DEFAULTS.withWorkers(0), Clock.systemUTC())) {
            assertThat(node.jobs().status(ada).orElseThrow().state()).isEqualTo(JobState.QUEUED);
            assertThat(node.jobs().status(grace).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        }
        Run unknown = jobs(team, "show", "no-such-job");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);

        // A wrong password is one sentence, without the password, and nothing is opened.
        Files.writeString(password, "not-the-password\n");
        Run refused = jobs(team, "list");
        assertThat(refused.exit()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(refused.err()).contains("refused the password of user " + db.user()).doesNotContain("not-the-password");
        assertThat(dir.resolve("operator")).as("no SQLite library made beside the team's").doesNotExist();
    }

    private static Run jobs(String[] team, String... command) {
        var out = new StringWriter();
        var err = new StringWriter();
        String[] args = new String[1 + command.length + team.length];
        args[0] = "jobs";
        System.arraycopy(command, 0, args, 1, command.length);
        System.arraycopy(team, 0, args, 1 + command.length, team.length);
        int exit = Postwright.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
