package dev.postwright.llm.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.settings.BuiltinChoice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header is read without llama.cpp: what a model needs is known, and a bad file is said in words. */
class GgufReaderTest {
    @TempDir Path dir;

    @Test
    void readsWhatTheTinyModelSaysAboutItself() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        GgufWriter.write(file, 1);
        GgufInfo info = GgufReader.read(file);
        assertThat(info.architecture()).isEqualTo("llama");
        assertThat(info.name()).isEqualTo("postwright-tiny-test");
        assertThat(info.layers()).isEqualTo(GgufWriter.LAYERS);
        assertThat(info.trainedContext()).isEqualTo(GgufWriter.CONTEXT);
        assertThat(info.vocabulary()).isEqualTo(GgufWriter.vocabulary().size());
        assertThat(info.kvWidth()).isEqualTo(2 * GgufWriter.EMBD); // 4 kv heads of 8, for keys and values
        assertThat(info.hasChatTemplate()).isFalse();
        assertThat(info.fileBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void memoryGrowsWithTheContextAndIsStatedInWords() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        GgufWriter.write(file, 1);
        var small = RunSettings.of(new BuiltinChoice(file, 2, 1024, 0), new Machine(2, 1L << 34));
        var large = RunSettings.of(new BuiltinChoice(file, 2, 4096, 0), new Machine(2, 1L << 34));
        assertThat(large.memoryBytes() - small.memoryBytes()).isEqualTo(1L * 3072 * 2 * GgufWriter.EMBD * 2);
        assertThat(small.memorySentence()).matches("needs about \\d+ MB of memory with 1,024 tokens of context");
    }

    @Test
    void automaticSettingsFollowTheMachineAndTheModel() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        GgufWriter.write(file, 1);
        var run = RunSettings.of(BuiltinChoice.of(file), new Machine(16, 1L << 34));
        assertThat(run.threads()).isEqualTo(8);
        assertThat(run.contextSize()).isEqualTo(Math.min(RunSettings.DEFAULT_CONTEXT, GgufWriter.CONTEXT));
        assertThat(RunSettings.of(BuiltinChoice.of(file), new Machine(2, 0)).threads()).isEqualTo(2);
    }

    @Test
    void aModelBiggerThanTheMemoryIsRefusedBeforeLlamaCppSeesIt() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        GgufWriter.write(file, 1);
        assertThatThrownBy(() -> LoadedModel.load(BuiltinChoice.of(file), new Machine(2, 50_000_000)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageMatching("postwright-tiny-test needs about \\d+ MB of memory with 8,192 tokens of context, and this computer "
                        + "has 50 MB\\. Choose a smaller model, or a smaller context in Settings\\.");
    }

    @Test
    void aFileThatIsNotAModelIsSaidToBeNone() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.gguf"), "not a model, just words\n".repeat(20));
        assertThatThrownBy(() -> GgufReader.read(text)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("notes.gguf is not a GGUF model file.");
    }

    @Test
    void aFileCutShortIsSaidToBe() throws Exception {
        Path whole = dir.resolve("whole.gguf");
        GgufWriter.write(whole, 1);
        byte[] bytes = Files.readAllBytes(whole);
        for (int length : new int[] {10, 2_000, bytes.length / 2}) {
            Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> GgufReader.read(cut)).as("cut at %d", length).isInstanceOf(ModelLoadException.class)
                    .hasMessage("cut.gguf ends early: it is cut short, perhaps by a download that did not finish. "
                            + "Download it again.");
        }
    }

    @Test
    void anUnknownVersionAndADamagedHeaderAreNamed() throws Exception {
        Path whole = dir.resolve("whole.gguf");
        GgufWriter.write(whole, 1);
        byte[] bytes = Files.readAllBytes(whole);
        byte[] future = bytes.clone();
        ByteBuffer.wrap(future).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 7);
        Path v7 = Files.write(dir.resolve("v7.gguf"), future);
        assertThatThrownBy(() -> GgufReader.read(v7)).hasMessageContaining("version 7");
        byte[] damaged = bytes.clone();
        ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN).putLong(16, Long.MAX_VALUE); // the key/value count
        Path bad = Files.write(dir.resolve("bad.gguf"), damaged);
        assertThatThrownBy(() -> GgufReader.read(bad)).hasMessage("bad.gguf is damaged: its header does not describe a "
                + "model. Download it again.");
    }

    @Test
    void aMissingFileIsNamed() {
        Path gone = dir.resolve("gone.gguf");
        assertThatThrownBy(() -> GgufReader.read(gone)).hasMessage("There is no model file at " + gone + ".");
    }
}
