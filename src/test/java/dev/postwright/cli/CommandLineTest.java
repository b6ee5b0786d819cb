package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.KilledMidDraft;
import dev.postwright.wire.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process, through picocli, on real data folders. */
class CommandLineTest {
    static final String BRIEF = """
            {"topic": {"title": "How to bake sourdough bread at home", "focusKeyphrase": "sourdough bread",
                       "targetAudience": "home bakers"},
             "businessInfo": {"businessType": "Bakery", "industry": "food"},
             "organizationId": "org-1",
             "options": {"preloadedTweets": [{"url": "https://x.com/ann/1", "author": "Ann", "handle": "ann",
                                              "text": "Feed it daily"}]},
             "ctas": [{"text": "Book a class", "href": "https://crumb.example/classes", "placement": "end-of-post"}]}
            """;
    @TempDir
    Path dir;

    private Path brief(String json) throws Exception {
        Path file = dir.resolve("brief.json");
        Files.writeString(file, json);
        return file;
    }

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    @Test
    void generateWritesThePostWithFrontMatterAndReportsProgress() throws Exception {
        Path out = dir.resolve("out/post.md");
        CommandRun run = run("generate", "--request", brief(BRIEF).toString(), "--out", out.toString(), "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith("---\ntitle: \"Sourdough Bread: How to bake at home\"")
                .contains("> Feed it daily").contains("**[Book a class](https://crumb.example/classes)**")
                .doesNotContain("[TWEET:");
        assertThat(run.err()).contains("[ 10%] Loading your organization's context", "[100%] Done", "Wrote " + out);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void generateWithImagesWritesTheFeaturedImageBesideTheMarkdownAndInsideTheWebPage() throws Exception {
        Path out = dir.resolve("out/post.md");
        CommandRun run = run("generate", "--images", "--request", brief(BRIEF).toString(), "--out", out.toString(),
                "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        String markdown = Files.readString(out);
        var link = java.util.regex.Pattern.compile("!\\[[^\\]]+]\\(<(post-images/[0-9a-f]{16}\\.png)>\\)").matcher(markdown);
        assertThat(link.find()).as(markdown).isTrue();
        Path png = out.resolveSibling(link.group(1));
        var picture = javax.imageio.ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isEqualTo(1600);
        assertThat(markdown).doesNotContain("postwright-image:").doesNotContain("![IMAGE:featured");

        Path html = dir.resolve("out/post.html");
        CommandRun page = run("generate", "--images", "--request", brief(BRIEF).toString(), "--out", html.toString(),
                "--data-dir", dataDir());
        assertThat(page.exit()).as(page.err()).isZero();
        assertThat(Files.readString(html)).contains("<img src=\"data:image/png;base64,iVBORw0KGgo");
        assertThat(dir.resolve("out/post-images")).isDirectoryContaining(p -> p.toString().endsWith(".png"));
    }

    @Test
    void generateWithEventsPrintsOneJsonLinePerEventInProtocolOrder() throws Exception {
        CommandRun run = run("generate", "--request", brief(BRIEF).toString(), "--events", "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> names = run.outLines().stream().map(l -> Json.parse(l, "line").get("event").asText()).toList();
        assertThat(names.getFirst()).isEqualTo("connected");
        assertThat(names.getLast()).isEqualTo("complete");
        assertThat(names).containsSubsequence("connected", "step-change", "context-result", "draft-delta", "blog-result",
                "visuals-result", "seo-result", "complete");
        var complete = Json.parse(run.outLines().getLast(), "line");
        assertThat(complete.get("id").asText()).matches("[0-9a-f-]{36}:\\d+");
        assertThat(complete.at("/data/result/savedPost/id").asText()).isNotBlank();
        String jobId = complete.get("id").asText().split(":")[0];

        CommandRun list = run("jobs", "list", "--data-dir", dataDir());
        assertThat(list.out()).contains(jobId).contains("succeeded").contains("100%");
        CommandRun show = run("jobs", "show", jobId, "--data-dir", dataDir());
        assertThat(Json.parse(show.out(), "status").get("status").asText()).isEqualTo("succeeded");
        CommandRun events = run("jobs", "events", jobId, "--after", "3", "--data-dir", dataDir());
        assertThat(events.outLines()).isNotEmpty().allSatisfy(l -> assertThat(
                Long.parseLong(Json.parse(l, "line").get("id").asText().split(":")[1])).isGreaterThan(3));
        CommandRun cancel = run("jobs", "cancel", jobId, "--data-dir", dataDir());
        assertThat(cancel.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cancel.err()).contains("is not queued or running");
    }

    @Test
    void jobsEventsOfAJobResumedMidDraftJoinIntoItsDraftAndNeverLowerItsProgress() throws Exception {
        Path data = dir.resolve("data");
        String jobId = KilledMidDraft.job(data, null);
        try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            engine.jobs().whenFinished(jobId).get(60, TimeUnit.SECONDS);
        }
        CommandRun events = run("jobs", "events", jobId, "--data-dir", dataDir());
        assertThat(events.exit()).as(events.err()).isZero();
        // Read as a script would, by the rule in `jobs events --help`.
        var draft = new StringBuilder();
        List<Integer> progress = new java.util.ArrayList<>();
        for (String line : events.outLines()) {
            var event = Json.parse(line, "line");
            switch (event.get("event").asText()) {
                case "draft-reset" -> draft.setLength(0);
                case "draft-delta" -> draft.append(event.at("/data/text").asText());
                case "step-change", "progress-update" -> progress.add(event.at("/data/progress").asInt());
                default -> { }
            }
        }
        CommandRun show = run("jobs", "show", jobId, "--data-dir", dataDir());
        assertThat(draft.toString()).isEqualTo(Json.parse(show.out(), "status").at("/result/data/content").asText());
        assertThat(progress).isSorted();
        assertThat(run("jobs", "events").err()).as("the usage a mistyped command shows").contains("draft-reset");
    }

    @Test
    void generateCanUseAModelServer() throws Exception {
        try (var server = new mockwebserver3.MockWebServer()) {
            server.start();
            server.enqueue(dev.postwright.llm.openai.ChatReplies.streamed("{\"title\": \"Sourdough Bread at Home\", "
                    + "\"kind\": \"guide\", \"sections\": [{\"heading\": \"Start\", \"points\": [\"a\"]}]}"));
            server.enqueue(dev.postwright.llm.openai.ChatReplies.streamed("# Sourdough Bread at Home\n\nModel text."));
            server.enqueue(dev.postwright.llm.openai.ChatReplies.streamed("{\"title\": \"Sourdough Bread at Home\", "
                    + "\"metaDescription\": \"Sourdough bread, written by a model.\"}"));
            server.enqueue(dev.postwright.llm.openai.ChatReplies.streamed("{\"visualContentSuggestions\": []}"));
            Path out = dir.resolve("model.md");
            var command = new GenerateCommand();
            var line = new picocli.CommandLine(command);
            command.writerOptions.environment = name -> name.equals("POSTWRIGHT_API_KEY") ? "sk-from-env" : null;
            var err = new StringWriter();
            line.setErr(new PrintWriter(err));
            int exit = line.execute("--request", brief(BRIEF).toString(), "--out", out.toString(), "--data-dir", dataDir(),
                    "--model-url", server.url("/v1").toString(), "--model", "llama3.1:8b");
            assertThat(exit).as(err.toString()).isZero();
            assertThat(Files.readString(out)).contains("Model text.").contains("written by a model");
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-from-env");
        }
        CommandRun half = run("generate", "--request", brief(BRIEF).toString(), "--model", "x", "--data-dir", dataDir());
        assertThat(half.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(half.err()).contains("--model needs --model-url");
    }

    @Test
    void aMissingFileIsNamed() {
        CommandRun run = run("generate", "--request", dir.resolve("nope.json").toString(), "--data-dir", dataDir());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("there is no file").contains("nope.json").doesNotContain("Exception");
    }

    @Test
    void invalidJsonSaysWhere() throws Exception {
        CommandRun run = run("generate", "--request", brief("{\"topic\": {\"title\": }").toString(), "--data-dir", dataDir());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("The brief is not valid JSON (line 1, column").doesNotContain("at dev.");
    }

    @Test
    void missingFieldsAreListedByName() throws Exception {
        CommandRun run = run("generate", "--request", brief("{\"topic\": {\"title\": \"T\"}}").toString(), "--data-dir", dataDir());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("businessInfo: Describe the business").contains("organizationId: Choose");
    }

    @Test
    void unknownJobsAndBadUsageAreBadInput() {
        CommandRun retry = run("jobs", "retry", "no-such-job", "--data-dir", dataDir());
        assertThat(retry.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(retry.err()).contains("There is no job no-such-job.");
        CommandRun events = run("jobs", "events", "no-such-job", "--data-dir", dataDir());
        assertThat(events.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        CommandRun usage = run("generate", "--data-dir", dataDir());
        assertThat(usage.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(usage.err()).contains("Missing required option: '--request=FILE'");
        assertThat(run("jobs", "list", "--data-dir", dataDir()).out()).contains("No jobs yet.");
    }

    @Test
    void aDamagedDatabaseIsExplained() throws Exception {
        Path data = dir.resolve("damaged");
        Files.createDirectories(data);
        Files.writeString(data.resolve("postwright.db"), "not a database ".repeat(100));
        CommandRun run = run("jobs", "list", "--data-dir", data.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(run.err()).contains("is damaged or is not a Postwright database");
    }
}
