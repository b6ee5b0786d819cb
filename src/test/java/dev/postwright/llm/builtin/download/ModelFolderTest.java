package dev.postwright.llm.builtin.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {
    @TempDir
    Path dataDir;

    private final CuratedModel model = CuratedModels.all().get(0);

    @Test
    void aPartFileWithTheWrongChecksumIsDeletedNotInstalled() throws Exception {
        ModelFolder folder = new ModelFolder(dataDir);
        Files.createDirectories(folder.folder());
        Files.writeString(folder.partPath(model), "not the model");
        assertThat(folder.partialBytes(model)).isEqualTo(13);

        assertThat(folder.install(model)).isFalse();
        assertThat(folder.partPath(model)).doesNotExist();
        assertThat(folder.path(model)).doesNotExist();
        assertThat(folder.isInstalled(model)).isFalse();
    }

    @Test
    void removeDeletesTheModelAndItsPartFile() throws Exception {
        ModelFolder folder = new ModelFolder(dataDir);
        Files.createDirectories(folder.folder());
        Files.writeString(folder.path(model), "x");
        Files.writeString(folder.partPath(model), "y");
        assertThat(folder.isInstalled(model)).isTrue();

        assertThat(folder.remove(model)).isTrue();
        assertThat(folder.isInstalled(model)).isFalse();
        assertThat(folder.partialBytes(model)).isZero();
        assertThat(folder.remove(model)).isFalse();
    }

    @Test
    void hashesAFileAsSha256Hex() throws Exception {
        Path file = Files.writeString(dataDir.resolve("abc"), "abc");
        assertThat(ModelFolder.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
