package dev.postwright.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.postwright.render.ExportFormat;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing an export: whole or not at all, and a failure said in words. */
class ExportFilesTest {
    @TempDir
    Path dir;
    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) assertThat(run("umount", disk.toString())).isZero();
    }

    @Test
    void aFullDiskIsSaidPlainlyAndTheFileThereBeforeIsKept() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root (CI runs as root)");
        Path folder = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", folder.toString()) == 0,
                "mounting a tmpfs is not permitted here");
        disk = folder;
        Path file = Files.writeString(disk.resolve("post.pdf"), "the earlier export");
        // Fill what is left, then ask for a file larger than any room there could be.
        try (var out = Files.newOutputStream(disk.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException full) {
            // the disk is full now
        }
        var export = new ExportFormat.Export(new byte[64 * 1024], Map.of());
        assertThatThrownBy(() -> ExportFiles.write(export, file)).isInstanceOfSatisfying(IOException.class,
                e -> assertThat(ExportFiles.reason(e, file)).isEqualTo("the disk is full: free some space, or choose "
                        + "another place"));
        assertThat(Files.readString(file)).isEqualTo("the earlier export");
        try (var names = Files.list(disk)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("post.pdf", "filler");
        }
    }

    @Test
    void reasonsNameWhatToDo() {
        Path file = dir.resolve("a/post.docx");
        assertThat(ExportFiles.reason(new java.nio.file.AccessDeniedException(file.toString()), file))
                .isEqualTo("you may not write in " + dir.resolve("a") + ": choose another folder");
        assertThat(ExportFiles.reason(new FileSystemException(file.toString(), null, "Read-only file system"), file))
                .isEqualTo("the disk there is read-only: choose another place");
        assertThat(ExportFiles.reason(new FileSystemException(file.toString(), null, "No space left on device"), file))
                .startsWith("the disk is full");
    }

    @Test
    void theImagesComeFirstAndTheFileWhole() throws Exception {
        Path file = dir.resolve("out/post.md");
        ExportFiles.write(new ExportFormat.Export("text ü".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("post-images/a.png", new byte[] {1, 2})), file);
        assertThat(Files.readString(file)).isEqualTo("text ü");
        assertThat(Files.readAllBytes(dir.resolve("out/post-images/a.png"))).containsExactly(1, 2);
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
