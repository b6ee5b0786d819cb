package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.QueueSettings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} on a real, tiny file system that fills up: a tmpfs, so this runs as root
 * (as CI does). Filled to different levels, the disk runs out while the database opens, while
 * the brief is stored, or while the post is written; each time generate ends with exit 3 and the
 * sentence, never a hang or a stack trace, and once there is room every interrupted job finishes.
 */
class DiskFullProcessTest {
    private static final long WAIT_SECONDS = 60;
    /** KB left free each time; 0 fails at open, the others while storing the brief or the post. */
    private static final List<Integer> ROOM_LEFT_KB = List.of(0, 16, 48, 96);

    @TempDir
    Path dir;
    Path disk;

    @BeforeEach
    void mountATinyDisk() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root (CI runs as root)");
        Path folder = Files.createDirectory(dir.resolve("disk"));
        // A container without CAP_SYS_ADMIN refuses even root; the max_page_count tests cover the logic there.
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder.toString()) == 0,
                "mounting a tmpfs is not permitted here");
        disk = folder;
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) assertThat(run("umount", disk.toString())).isZero();
    }

    @Test
    void generateOnAFullDiskExitsThreeWithTheSentenceAndEveryJobFinishesOnceThereIsRoom() throws Exception {
        Path data = disk.resolve("data");
        Path brief = Files.writeString(dir.resolve("brief.json"), CommandLineTest.BRIEF);
        assertThat(generate(data, brief, "first.md")).as("with room; output:%n%s", output()).isZero();

        for (int roomKb : ROOM_LEFT_KB) {
            Path filler = fillLeaving(roomKb);
            Files.writeString(dir.resolve("output.log"), "");
            int exit = generate(data, brief, "full-" + roomKb + ".md");
            String output = output();
            assertThat(exit).as("%d KB left; output:%n%s", roomKb, output).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
            assertThat(output).as("%d KB left", roomKb).contains("The disk is full: free some space on the disk")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            Files.delete(filler);
        }

        assertThat(generate(data, brief, "after.md")).as("room again; output:%n%s", output()).isZero();
        try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            for (JobStatus job : engine.jobs().list(100)) {
                var finished = engine.jobs().whenFinished(job.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(finished.state()).as("job %s", job.jobId()).isEqualTo(JobState.SUCCEEDED);
            }
        }
    }

    /** A file taking all of the disk but {@code roomKb}. */
    private Path fillLeaving(int roomKb) throws IOException {
        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        try (var file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1024];
            for (long written = 0; written + roomKb * 1024L < free; written += block.length) file.write(block);
        }
        return filler;
    }

    private int generate(Path data, Path brief, String out) throws Exception {
        Process generate = PostwrightProcess.start(dir.resolve("output.log"), "generate", "--request", brief.toString(),
                "--data-dir", data.toString(), "--out", dir.resolve(out).toString());
        assertThat(generate.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("generate ended; output:%n%s", output()).isTrue();
        return generate.exitValue();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("output.log"));
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
