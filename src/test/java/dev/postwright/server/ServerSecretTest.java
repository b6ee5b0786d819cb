package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.postwright.testing.LogCapture;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {
    private static final String SECRET = "a-secret-of-more-than-thirty-two-bytes-0123456789";

    @TempDir
    Path dir;

    @BeforeEach
    void needsPosixPermissions() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions to check");
    }

    @Test
    void aSecretMadeInANewDataFolderIsPrivateAndNotWarnedAbout() throws Exception {
        Path data = dir.resolve("data");
        try (var log = LogCapture.of(ServerSecret.class)) {
            byte[] secret = ServerSecret.load(null, Map.of(), data);
            assertThat(secret).hasSizeGreaterThanOrEqualTo(ServerSecret.MIN_BYTES);
            assertThat(log.messages()).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(ServerSecret.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aKeptSecretOthersCanReadIsWarnedAbout() throws Exception {
        Path kept = dir.resolve(ServerSecret.FILE);
        Files.writeString(kept, SECRET + "\n");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r--r--"));
        try (var log = LogCapture.of(ServerSecret.class)) {
            assertThat(new String(ServerSecret.load(null, Map.of(), dir))).isEqualTo(SECRET);
            assertThat(log.messages()).singleElement().asString().startsWith("WARNING The token secret " + kept)
                    .contains("can be read or changed by other users of this computer (rw-r--r--)")
                    .endsWith("Make it private: chmod 600 " + kept).doesNotContain(SECRET);
        }
    }

    @Test
    void aNamedSecretFileOthersCanReadIsWarnedAbout() throws Exception {
        Path named = dir.resolve("jwt.key");
        Files.writeString(named, SECRET);
        Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rw-rw----"));
        try (var log = LogCapture.of(ServerSecret.class)) {
            ServerSecret.load(named, Map.of(), dir.resolve("unused"));
            assertThat(log.messages()).singleElement().asString().contains("(rw-rw----)");
        }
    }
}
