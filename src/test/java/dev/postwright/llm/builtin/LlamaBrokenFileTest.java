package dev.postwright.llm.builtin;

import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a file llama.cpp cannot load comes back as an exception rather than ending the JVM. */
class LlamaBrokenFileTest {
    @TempDir Path dir;

    @Test
    void truncatedFileThrows() throws Exception {
        Path whole = dir.resolve("whole.gguf");
        GgufWriter.write(whole, 1);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.gguf"), Arrays.copyOf(bytes, bytes.length / 2));
        Exception e = assertThrows(RuntimeException.class,
                () -> new LlamaModel(new ModelParameters().setModel(truncated.toString())).close());
        System.out.println("truncated: " + e.getClass().getName() + ": " + e.getMessage());
    }

    @Test
    void notGgufThrows() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.gguf"), "not a model at all, just some words\n".repeat(50));
        Exception e = assertThrows(RuntimeException.class,
                () -> new LlamaModel(new ModelParameters().setModel(text.toString())).close());
        System.out.println("not gguf: " + e.getClass().getName() + ": " + e.getMessage());
    }
}
