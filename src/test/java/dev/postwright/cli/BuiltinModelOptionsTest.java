package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.builtin.GgufWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in model's options and the models commands' help, through the real command line in-process. */
class BuiltinModelOptionsTest {
    @TempDir Path dir;

    private CommandRun generate(String... options) throws Exception {
        Path tiny = dir.resolve("tiny.gguf");
        if (!Files.exists(tiny)) GgufWriter.write(tiny, 17);
        return generateWith(tiny.toString(), options);
    }

    private CommandRun generateWith(String model, String... options) throws Exception {
        Path brief = Files.writeString(dir.resolve("brief.json"), """
                {"topic": {"title": "Rye bread at home", "focusKeyphrase": "rye bread", "targetAudience": "home bakers"},
                 "businessInfo": {"businessType": "Bakery", "industry": "food"}, "organizationId": "org-1"}""");
        var args = new java.util.ArrayList<>(java.util.List.of("generate", "--request", brief.toString(),
                "--builtin-model", model, "--data-dir", dir.resolve("data").toString(),
                "--out", dir.resolve("post.md").toString()));
        args.addAll(java.util.List.of(options));
        return CommandRun.run(args.toArray(String[]::new));
    }

    @Test
    void threadsAndContextOutsideTheSettingsBoundsAreRefusedNotMovedInside() throws Exception {
        for (String[] bad : new String[][] {{"--threads", "100000"}, {"--threads", "-1"}, {"--context-size", "100"},
                {"--context-size", "100000000"}}) {
            CommandRun run = generate(bad);
            assertThat(run.exit()).as(String.join(" ", bad)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).isEqualTo("--threads must be from 1 to 64, --context-size from 512 to 131072 tokens "
                    + "(or leave them out for this computer's defaults).\n");
            assertThat(dir.resolve("post.md")).doesNotExist();
        }
    }

    @Test
    void aCuratedModelsNameStandsForItsDownloadedFile() throws Exception {
        CommandRun missing = generateWith("qwen2.5-1.5b-instruct");
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("Qwen2.5 1.5B Instruct (Q4_K_M) is not downloaded yet. Download it with: "
                + "postwright models download qwen2.5-1.5b-instruct\n");

        // Where `models download` puts it (the tiny model standing in: only the path is the point here).
        Path installed = dir.resolve("data/models/qwen2.5-1.5b-instruct.gguf");
        Files.createDirectories(installed.getParent());
        GgufWriter.write(installed, 19);
        CommandRun run = generateWith("qwen2.5-1.5b-instruct", "--context-size", "4096");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("Loaded postwright-tiny-test in ");
        assertThat(dir.resolve("post.md")).exists();
    }

    @Test
    void everyModelsCommandHasItsHelp() {
        for (String command : new String[] {"list", "download", "remove"}) {
            CommandRun run = CommandRun.run("models", command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: postwright models " + command);
        }
    }
}
