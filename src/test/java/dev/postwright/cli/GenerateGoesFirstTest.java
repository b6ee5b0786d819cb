package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobOptions;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.testing.Briefs;
import dev.postwright.wire.Json;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} on a data folder where earlier runs left jobs behind: its own job is claimed
 * first, and the leftovers wait until it is done (issue 10, part 7).
 */
class GenerateGoesFirstTest {
    @TempDir
    Path dir;

    @Test
    void generateRunsItsOwnJobBeforeJobsEarlierRunsLeftBehind() throws Exception {
        Path data = dir.resolve("data");
        List<String> leftovers = leaveJobsBehind(data);
        Path brief = Files.writeString(dir.resolve("brief.json"), CommandLineTest.BRIEF);

        CommandRun run = run("generate", "--request", brief.toString(), "--events", "--data-dir", data.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String own = Json.parse(run.outLines().getLast(), "line").get("id").asText().split(":")[0];
        try (Database db = Database.open(DataDirectory.databaseIn(data))) {
            long ownFinished = db.read(sql -> sql.queryOne("SELECT finished_at FROM jobs WHERE id = ? AND state = "
                    + "'succeeded'", rs -> rs.getLong(1), own)).orElseThrow();
            for (String leftover : leftovers) {
                // Claimed only in the commit that stored the own job's end, if at all before the command closed.
                Long firstEvent = db.read(sql -> sql.queryOne("SELECT MIN(at) FROM job_events WHERE job_key = "
                        + "(SELECT key FROM jobs WHERE id = ?)", rs -> (Long) rs.getObject(1), leftover)).orElse(null);
                assertThat(firstEvent).as("the first event of leftover %s", leftover).satisfiesAnyOf(
                        at -> assertThat(at).isNull(), at -> assertThat(at).isGreaterThanOrEqualTo(ownFinished));
            }
        }
    }

    /** Three jobs a stopped run kept in the queue, and one a killed run left running. */
    private static List<String> leaveJobsBehind(Path data) throws Exception {
        var ids = new ArrayList<String>();
        try (var earlier = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0),
                Clock.systemUTC())) {
            for (int i = 0; i < 4; i++) ids.add(earlier.jobs().enqueue(Briefs.sourdough(JobOptions.DEFAULTS), null));
        }
        String deadEngine = deadProcessId() + "@" + thisHost() + "/killed#1";
        try (Database db = Database.open(DataDirectory.databaseIn(data))) {
            db.transaction(sql -> sql.update("UPDATE jobs SET state = 'running', claimed_by = ?, lease_until = ?, "
                    + "attempts = 1 WHERE id = ?", deadEngine, Long.MAX_VALUE, ids.getLast()));
        }
        return ids;
    }

    /** This host as the queue names it in claims: the host name and the process-id namespace. */
    private static String thisHost() throws Exception {
        String namespace = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        return InetAddress.getLocalHost().getHostName() + "~" + namespace.replaceAll("[^0-9]", "");
    }

    /** A pid that certainly belongs to no running process: one that just exited. */
    private static long deadProcessId() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
