package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.Article;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import dev.postwright.testing.ScriptVectors;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Exports of posts whose brief or model output is hostile: what a site publishing the Markdown
 * file with its own plain renderer shows, and what the HTML file holds.
 */
class HostileExportTest {
    private static final Embeds HOSTILE_EMBEDS = new Embeds(
            List.of(new Tweet("https://x.com/a/1\u202E", "<script>alert(1)</script>", "<b onmouseover=alert(2)>",
                    "<img src=x onerror=alert(3)>", null, null, false)),
            List.of(new Article("javascript:alert(4)", "<script>alert(5)</script>", "<svg onload=alert(6)>",
                    "<iframe src=javascript:alert(7)>", null, null, null, null)),
            List.of(new Video("https://v.example/\u2066w\u2069)[x](javascript:alert(8))", "v", "<script>alert(9)</script>",
                    null, "<img src=x onerror=alert(10)>", null, null, "javascript:alert(11)", null, null, null)));

    private static BlogPost post(String content) {
        return new BlogPost("<script>alert('title')</script>", null, content, "<img src=x onerror=alert('meta')>",
                List.of("<script>tag</script>"), List.of(), null, List.of(), List.of(), null, null, HOSTILE_EMBEDS);
    }

    private static String exported(String content) {
        return MarkdownExport.export(post(content), LocalDate.of(2026, 11, 21));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <img src=x onerror=alert(1)> there, <b onclick=\"alert(2)\">bold</b>.",
            "<div>\n<script>alert(1)</script>\n</div>",
            "<div>\n\\<script>alert(1)</script>\n\\\\<script>alert(2)</script>\n</div>",
            // Escaping the script block makes a paragraph that the indented line joins as text with a tag in it.
            "<script>\n</script>\n    <img src=x onerror=alert(1)>",
            "<!-- a comment --><script>alert(1)</script>\n\n<?php x ?><svg onload=alert(2)>",
            "> <iframe src=\"javascript:alert(1)\"></iframe>\n>\n> - <script>alert(2)</script>",
            // A placeholder that resolves to nothing joins the two halves of a tag.
            "Text <a[TWEET:9] onclick=\"alert(1)\">x</a> and <img[IMAGE:y] src=x onerror=alert(2)>.",
            "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(2)> |",
            "[click](javascript:alert(1)) and ![x](javascript:alert(2)) and <javascript:alert(3)>",
            "[click][r] and [r]\n\n[r]: javascript:alert(1)",
            "[nested [x](javascript:alert(1))](https://ok.example/)",
            "[TWEET:0]\n\n[ARTICLE:0]\n\n[VIDEO:0]\n\nInline [TWEET:0], [ARTICLE:0] and [VIDEO:0].",
            "![IMAGE:featured:<script>alert(1)</script> -- <img src=x onerror=alert(2)>]",
    })
    void aPlainCommonMarkSitePublishesNoScriptFromTheMarkdownExport(String content) {
        String markdown = exported(content);
        String published = ScriptVectors.publishedByAPlainSite(markdown);
        assertThat(ScriptVectors.in(published)).as(markdown + "\n=>\n" + published).isEmpty();
        assertThat(ScriptVectors.in(ScriptVectors.publishedByAPlainSite(MarkdownExport.body(post(content))))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <img src=x onerror=alert(1)> [x](javascript:alert(2))",
            "[TWEET:0]\n\n[ARTICLE:0]\n\n[VIDEO:0]\n\nInline [TWEET:0], [ARTICLE:0] and [VIDEO:0].",
    })
    void theHtmlExportHasNoScriptEither(String content) {
        String html = ExportFormat.HTML.write(post(content), new PostRenderer(), LocalDate.of(2026, 11, 21));
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(ScriptVectors.in(html)).as(html).isEmpty();
    }

    @Test
    void rawHtmlShowsAsTheTextItWas() {
        assertThat(MarkdownExport.body(post("Use <b>bold</b>.\n\n<div>\n*hi*\n</div>")))
                .isEqualTo("Use \\<b>bold\\</b>.\n\n\\<div>\n*hi*\n\\</div>");
    }

    @Test
    void thePostsOwnMarkdownStaysAsWritten() {
        String content = """
                # Sourdough, step by step

                Some **bold**, _emphasis_, `<b>code</b>`, a [link](https://en.wikipedia.org/wiki/Bread_(food) "Bread"), \
                <https://auto.example/x>, [top](#) and [relative](/guides/starter) and ![loaf](https://img.example/l.jpg).

                > A quote with a [mail](mailto:ann@example.com) link.

                | Flour | Water |
                |---|---|
                | 500 g | 350 g |

                ```html
                <script>this is code</script>
                ```

                    <b>indented code</b>
                """;
        assertThat(MarkdownExport.body(post(content))).isEqualTo(content);
    }

    @Test
    void frontMatterHidesNoTagsFromARendererThatDoesNotKnowIt() {
        String markdown = exported("Body.");
        assertThat(markdown).startsWith("---\ntitle: \"\\u003cscript\\u003ealert('title')\\u003c/script\\u003e\"\n")
                .contains("tags: [\"\\u003cscript\\u003etag\\u003c/script\\u003e\"]");
        var linked = new BlogPost("[Win](javascript:alert(1))", null, "Body.", null, List.of(), List.of(), null,
                List.of(), List.of(), null, null, Embeds.NONE);
        String front = MarkdownExport.export(linked, LocalDate.of(2026, 11, 21));
        assertThat(front).startsWith("---\ntitle: \"[Win\\u005d(javascript:alert(1))\"\n");
        assertThat(ScriptVectors.in(ScriptVectors.publishedByAPlainSite(front))).isEmpty();
    }

    @Test
    void linksWrittenIntoTheExportCarryNoBidiControlsAndCannotEndEarly() {
        String markdown = exported("[TWEET:0] [VIDEO:0]\n\nSee [this](https://ok.example/\u202Efdp.exe).");
        assertThat(markdown).doesNotContain("\u202E", "\u2066", "\u2069")
                .contains("(<https://x.com/a/1>)")
                .contains("(<https://v.example/w%29%5Bx%5D%28javascript:alert%288%29%29>)")
                .contains("[this](https://ok.example/fdp.exe)");
        String html = ExportFormat.HTML.write(post("[VIDEO:0] [x](https://ok.example/\u202Efdp.exe)"), new PostRenderer(),
                LocalDate.of(2026, 11, 21));
        assertThat(html).doesNotContain("\u202E", "\u2066", "\u2069").contains("href=\"https://ok.example/fdp.exe\"");
    }

    @Test
    void imageSuggestionsStayCommentsWithTheirTextInert() {
        assertThat(exported("![IMAGE:featured:A <b>loaf</b> -- crusty]"))
                .endsWith("\n<!-- Image suggestion: A &lt;b&gt;loaf&lt;/b&gt; – crusty -->");
    }

    @Test
    void exportFormatsAreChosenByExtensionAndOthersAreRefused() {
        assertThat(ExportFormat.of(java.nio.file.Path.of("a/Post.MD"))).contains(ExportFormat.MARKDOWN);
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.markdown"))).contains(ExportFormat.MARKDOWN);
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.html"))).contains(ExportFormat.HTML);
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.HTM"))).contains(ExportFormat.HTML);
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.txt"))).isEmpty();
        assertThat(ExportFormat.of(java.nio.file.Path.of("post"))).isEmpty();
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.html.bak"))).isEmpty();
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.doc"))).isEmpty();
        assertThat(ExportFormat.of(java.nio.file.Path.of("post.html.pdf"))).contains(ExportFormat.PDF);
        assertThat(ExportFormat.of(java.nio.file.Path.of("Post.DOCX"))).contains(ExportFormat.DOCX);
        assertThat(ExportFormat.choices()).isEqualTo(".md, .markdown, .html, .htm, .docx or .pdf");
    }
}
