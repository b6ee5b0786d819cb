package dev.postwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} without {@code --out}, as a real process whose output goes to a file, not a terminal. */
class GenerateToStandardOutputTest {
    @TempDir Path dir;

    @Test
    void thePostIsPrintedWholeBeforeTheProcessEnds() throws Exception {
        Path brief = Files.writeString(dir.resolve("brief.json"), """
                {"topic": {"title": "How to bake sourdough bread at home", "focusKeyphrase": "sourdough bread",
                           "targetAudience": "home bakers"},
                 "businessInfo": {"businessType": "Bakery", "industry": "food"}, "organizationId": "org-1"}
                """);
        Path log = dir.resolve("output.log");
        Process generate = PostwrightProcess.start(log, "generate", "--request", brief.toString(),
                "--data-dir", dir.resolve("data").toString());
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(generate.exitValue()).as(output).isZero();
        assertThat(output).contains("---\ntitle: ").contains("sourdough bread");
        assertThat(output.strip()).as("the post's last line arrived").doesNotEndWith("[100%] Done");
    }
}
