package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.openai.ChatReplies;
import dev.postwright.testing.ScriptVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code generate --out} with a hostile brief or a hostile model, in-process on real data
 * folders: the file written is what its name says, and publishing it runs nothing.
 */
class HostileExportsCommandLineTest {
    /** Script in every text field a writer (or whoever sent the brief) controls; every link still valid. */
    static final String HOSTILE_BRIEF = """
            {"topic": {"title": "<script>alert('title')</script> Sourdough at home",
                       "subheader": "<img src=x onerror=alert('sub')>",
                       "focusKeyphrase": "sourdough <svg onload=alert('kp')>",
                       "targetAudience": "home bakers <iframe src=javascript:alert('aud')>",
                       "keywords": ["<script>alert('kw')</script>"]},
             "businessInfo": {"businessType": "<b onmouseover=alert('biz')>Bakery</b>", "industry": "<script>x</script>"},
             "organizationId": "org-1",
             "additionalInstructions": "<script>alert('instructions')</script>",
             "options": {"preloadedTweets": [{"url": "https://x.com/ann/1\\u202e", "author": "<script>alert('a')</script>",
                                              "handle": "<img src=x onerror=alert('h')>", "text": "<script>alert('t')</script>"}],
                         "preloadedArticles": [{"url": "https://news.example/a?<script>", "title": "<script>alert('at')</script>",
                                                "description": "<img src=x onerror=alert('ad')>"}],
                         "preloadedVideos": [{"url": "https://v.example/w", "title": "<svg onload=alert('vt')>",
                                              "thumbnailUrl": "javascript:alert('thumb')", "channelTitle": "<script>c</script>"}]},
             "ctas": [{"text": "Book <b onclick=alert('cta')>now</b> x](javascript:alert('cta2')) [y",
                       "href": "https://en.wikipedia.org/wiki/Bread_(food)", "placement": "end-of-post"},
                      {"text": "Classes", "href": "https://crumb.example/\\u202eclasses", "placement": "after-intro"}]}
            """;

    @TempDir
    Path dir;

    private String brief(String json) throws Exception {
        Path file = dir.resolve("brief.json");
        Files.writeString(file, json);
        return file.toString();
    }

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"post.html", "post.HTM"})
    void anHtmlOutIsASafeWebPage(String name) throws Exception {
        Path out = dir.resolve(name);
        CommandRun run = run("generate", "--request", brief(HOSTILE_BRIEF), "--out", out.toString(), "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
                .contains("href=\"https://en.wikipedia.org/wiki/Bread_%28food%29\"")
                .doesNotContain("\n---\ntitle:", "\u202e");
        assertThat(ScriptVectors.in(html)).as(html).isEmpty();
    }

    @Test
    void aMarkdownOutPublishesNoScriptThroughAPlainCommonMarkSite() throws Exception {
        Path out = dir.resolve("post.md");
        CommandRun run = run("generate", "--request", brief(HOSTILE_BRIEF), "--out", out.toString(), "--data-dir", dataDir());
        assertThat(run.exit()).as(run.err()).isZero();
        String markdown = Files.readString(out);
        assertThat(markdown).startsWith("---\ntitle: ").doesNotContain("\u202e")
                .contains("(https://en.wikipedia.org/wiki/Bread_%28food%29)**")
                .contains("**[Classes](https://crumb.example/classes)**");
        String published = ScriptVectors.publishedByAPlainSite(markdown);
        assertThat(ScriptVectors.in(published)).as(published).isEmpty();
        assertThat(published).contains("&lt;script&gt;alert('title')&lt;/script&gt;");

        CommandRun toStdout = run("generate", "--request", brief(HOSTILE_BRIEF), "--data-dir", dataDir());
        assertThat(toStdout.exit()).as(toStdout.err()).isZero();
        assertThat(toStdout.out()).startsWith("---\ntitle: ");
        assertThat(ScriptVectors.in(ScriptVectors.publishedByAPlainSite(toStdout.out()))).isEmpty();
    }

    @Test
    void hostileModelOutputIsSafeInBothFiles() throws Exception {
        String draft = """
                # Sourdough <script>alert(1)</script>

                <div onclick="alert(2)">
                <script>alert(3)</script>
                </div>

                Hello <img src=x onerror=alert(4)> and [click](javascript:alert(5)) and <a href="javascript:alert(6)">x</a>.

                [TWEET:0]

                ![IMAGE:featured:<script>alert(7)</script>]
                """;
        try (var server = new MockWebServer()) {
            server.start();
            for (String name : new String[] {"model.html", "model.md"}) {
                server.enqueue(ChatReplies.streamed("{\"title\": \"Sourdough <script>alert(8)</script>\", \"kind\": "
                        + "\"guide\", \"sections\": [{\"heading\": \"Start\", \"points\": [\"a\"]}]}"));
                server.enqueue(ChatReplies.streamed(draft));
                server.enqueue(ChatReplies.streamed("{\"title\": \"Sourdough <script>alert(9)</script>\", "
                        + "\"metaDescription\": \"<img src=x onerror=alert(10)>\"}"));
                server.enqueue(ChatReplies.streamed("{\"visualContentSuggestions\": []}"));
                Path out = dir.resolve(name);
                CommandRun run = run("generate", "--request", brief(CommandLineTest.BRIEF), "--out", out.toString(),
                        "--data-dir", dataDir(), "--model-url", server.url("/v1").toString(), "--model", "m");
                assertThat(run.exit()).as(run.err()).isZero();
                String written = Files.readString(out);
                String html = name.endsWith(".html") ? written : ScriptVectors.publishedByAPlainSite(written);
                assertThat(html).contains("alert(3)");
                assertThat(ScriptVectors.in(html)).as(html).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"post.txt", "post", "post.doc", "post.html.bak"})
    void anOutWeDoNotWriteIsRefusedBeforeTheJobRuns(String name) throws Exception {
        Path out = dir.resolve(name);
        CommandRun run = run("generate", "--request", brief(CommandLineTest.BRIEF), "--out", out.toString(), "--data-dir", dataDir());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("Cannot write the post to " + out + ": name the file .md, .markdown, .html, .htm, "
                + ".docx or .pdf (Markdown, a web page, Word or PDF)." + System.lineSeparator());
        assertThat(out).doesNotExist();
        assertThat(run("jobs", "list", "--data-dir", dataDir()).out()).contains("No jobs yet.");
    }

    @Test
    void aCtaLinkThatBreaksOutIsRefusedWithASentence() throws Exception {
        String hostile = CommandLineTest.BRIEF.replace("https://crumb.example/classes",
                "https://ok.example/kit) [pwn](javascript:alert(9)");
        CommandRun run = run("generate", "--request", brief(hostile), "--out", dir.resolve("post.md").toString(),
                "--data-dir", dataDir());
        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ctas[0].href: The link of call to action 1 must be one web address, like "
                + "https://example.com/page, with no spaces, quotes or square brackets in it.");
        assertThat(dir.resolve("post.md")).doesNotExist();
    }
}
