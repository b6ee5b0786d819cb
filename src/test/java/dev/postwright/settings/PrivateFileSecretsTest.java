package dev.postwright.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileSecretsTest {
    @TempDir Path dir;

    @Test
    void keysAreKeptByNameInAFileOnlyTheOwnerCanRead() throws Exception {
        var secrets = new PrivateFileSecrets(dir);
        assertThat(secrets.read("http://a/v1")).isEmpty();
        secrets.write("http://a/v1", "sk-one");
        secrets.write("http://b/v1", "sk-two");
        assertThat(new PrivateFileSecrets(dir).read("http://a/v1")).contains("sk-one");
        assertThat(Files.getPosixFilePermissions(dir.resolve(PrivateFileSecrets.NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        secrets.delete("http://a/v1");
        assertThat(secrets.read("http://a/v1")).isEmpty();
        assertThat(secrets.read("http://b/v1")).contains("sk-two");
    }

    @Test
    void aDamagedFileIsReportedWithoutItsContent() throws Exception {
        Files.writeString(dir.resolve(PrivateFileSecrets.NAME), "{\"http://a/v1\": \"sk-secret");
        assertThatThrownBy(() -> new PrivateFileSecrets(dir).read("http://a/v1"))
                .isInstanceOf(SecretStore.SecretStoreException.class)
                .hasMessageContaining("cannot be read")
                .hasMessageNotContaining("sk-secret");
    }
}
