package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.Postwright;
import dev.postwright.llm.builtin.GgufWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} without {@code --out}, as a real process whose standard output goes to a
 * file, not a terminal: the post is all there is on it, whole, from its first line.
 */
class GenerateToStandardOutputTest {
    @TempDir Path dir;

    private Path brief() throws Exception {
        return Files.writeString(dir.resolve("brief.json"), """
                {"topic": {"title": "How to bake sourdough bread at home", "focusKeyphrase": "sourdough bread",
                           "targetAudience": "home bakers"},
                 "businessInfo": {"businessType": "Bakery", "industry": "food"}, "organizationId": "org-1"}
                """);
    }

    /** Runs {@code postwright args…} with standard output and standard error in files of their own. */
    private String generate(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Postwright.class.getName(), "generate", "--request", brief().toString(),
                "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process generate = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out);
    }

    @Test
    void theOfflinePostIsPrintedWholeBeforeTheProcessEnds() throws Exception {
        String post = generate();
        assertThat(post).startsWith("---\ntitle: ").contains("sourdough bread");
        assertThat(post).contains("\n## Conclusion\n").as("the post's last part").contains("Frequently asked questions");
    }

    @Test
    void theBuiltInModelsPostIsAllThereIsOnStandardOutput() throws Exception {
        Path tiny = dir.resolve("tiny.gguf");
        GgufWriter.write(tiny, 13);
        String post = generate("--builtin-model", tiny.toString(), "--context-size", "4096");
        assertThat(post).startsWith("---\ntitle: ").doesNotContain("Extracted").doesNotContain("libjllama");
    }
}
