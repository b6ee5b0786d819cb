package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.Postwright;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.LibraryPost;
import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.PostLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code postwright sites} and {@code postwright publish} against the real WordPress of the tests. */
class PublishCommandTest {
    @TempDir Path dir;

    /** {@code postwright args…} as a real process, the application password in its environment only. */
    private String[] process(String password, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Postwright.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put(SitesCommand.PASSWORD_ENV, password);
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS"); // the private-file store, not a desktop keyring
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), out, err};
    }

    @Test
    void aSiteIsAddedAfterItsTestListedTestedAndRemovedAndItsPasswordStaysOutOfTheFile() throws Exception {
        Properties wp = TestWordPress.site();
        String config = dir.resolve("config").toString();
        String[] refused = process("abcd efgh ijkl mnop qrst uvwx", "sites", "add", "Blog", "--url", wp.getProperty("url"),
                "--user", wp.getProperty("user"), "--config-dir", config);
        assertThat(refused[0]).isEqualTo(String.valueOf(ExitCodes.SERVER_UNAVAILABLE));
        assertThat(refused[2]).contains("was not saved");
        assertThat(refused[1] + refused[2]).doesNotContain("abcd");

        String[] added = process(wp.getProperty("applicationPassword"), "sites", "add", "Blog", "--url",
                wp.getProperty("url"), "--user", wp.getProperty("user"), "--config-dir", config);
        assertThat(added[0]).as(added[2]).isEqualTo("0");
        assertThat(added[1]).contains("Connected to \"Postwright Test Site\"").contains("Saved Blog");
        assertThat(Files.readString(dir.resolve("config/sites.json"))).contains("Blog")
                .doesNotContain(wp.getProperty("applicationPassword").replace(" ", "").substring(0, 8));

        CommandRun list = run("sites", "list", "--config-dir", config);
        assertThat(list.out()).contains("Blog  " + wp.getProperty("url") + "/  as " + wp.getProperty("user"))
                .doesNotContain("no application password");
        CommandRun test = run("sites", "test", "Blog", "--config-dir", config);
        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(test.out()).contains("who can publish");
        assertThat(run("sites", "test", "Nowhere", "--config-dir", config).exit()).isEqualTo(ExitCodes.BAD_INPUT);

        CommandRun removed = run("sites", "remove", "Blog", "--config-dir", config);
        assertThat(removed.exit()).isZero();
        assertThat(run("sites", "list", "--config-dir", config).out()).contains("No sites yet");
    }

    @Test
    void aLibraryPostIsPublishedAndBadRequestsAreRefusedInWords() throws Exception {
        Properties wp = TestWordPress.site();
        String config = dir.resolve("config").toString();
        String data = dir.resolve("data").toString();
        String[] added = process(wp.getProperty("applicationPassword"), "sites", "add", "Blog", "--url",
                wp.getProperty("url"), "--user", wp.getProperty("user"), "--no-test", "--config-dir", config);
        assertThat(added[0]).as(added[2]).isEqualTo("0");
        LibraryPost post;
        try (var engine = LocalEngine.open(Path.of(data), new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0),
                Clock.systemUTC())) {
            String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);
            post = engine.library().save(new PostLibrary.NewPost(new BlogPost("From the command line", null,
                    "Words from a terminal.", "A description.", List.of(), List.of(), null, List.of(), List.of(), null,
                    null, Embeds.NONE), "org", slug, null, "draft", 3, null));
        }

        CommandRun published = run("publish", post.id(), "--site", "Blog", "--status", "publish", "--category", "CLI",
                "--tag", "terminal", "--data-dir", data, "--config-dir", config);

        assertThat(published.exit()).as(published.err()).isZero();
        assertThat(published.out()).contains("Published (publish): " + wp.getProperty("url") + "/" + post.slug() + "/");
        assertThat(published.err()).contains("Sending the post to Blog");

        record Case(String says, String... args) {}
        for (Case c : List.of(
                new Case("no site called \"Elsewhere\"", "publish", post.id(), "--site", "Elsewhere"),
                new Case("no post nope-0000", "publish", "nope-0000", "--site", "Blog"),
                new Case("--at takes a date and time", "publish", post.id(), "--site", "Blog", "--at", "tomorrow"),
                new Case("Give the date and time the post should go live", "publish", post.id(), "--site", "Blog",
                        "--status", "future"),
                new Case("must be draft, pending, publish or future", "publish", post.id(), "--site", "Blog",
                        "--status", "live"))) {
            List<String> args = new ArrayList<>(List.of(c.args()));
            args.addAll(List.of("--data-dir", data, "--config-dir", config));
            CommandRun refused = run(args.toArray(String[]::new));
            assertThat(refused.exit()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).as(String.join(" ", args)).contains(c.says());
        }
    }
}
