package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static BlogPost post(String title, String meta, List<String> tags, String content) {
        return new BlogPost(title, null, content, meta, tags, List.of(), null, List.of(), List.of(), null, null,
                PostRendererGoldenTest.EMBEDS);
    }

    @Test
    void markdownGetsFrontMatterAndResolvedEmbeds() {
        String exported = MarkdownExport.export(post("Sourdough: a \"real\" guide", "Bake it.\nToday.",
                List.of("baking", "bread"), """
                # Sourdough

                Intro.

                [TWEET:0]

                Read [ARTICLE:0] first, then watch [VIDEO:0].

                [VIDEO:0]

                [TWEET:9]

                ![IMAGE:featured:A loaf -- crusty]

                ```
                [TWEET:0] stays in code
                ```"""), LocalDate.of(2026, 11, 21));
        assertThat(exported).isEqualTo("""
                ---
                title: "Sourdough: a \\"real\\" guide"
                description: "Bake it.\\nToday."
                tags: ["baking", "bread"]
                date: 2026-11-21
                slug: "sourdough-a-real-guide"
                ---

                # Sourdough

                Intro.

                > Feed it \\<daily\\>
                >
                > — Ann (@ann) · [view post](<https://x.com/ann/1>)

                Read [Bread boom](<https://news.example/a>) first, then watch Shaping.

                > ▶ **Shaping** — Bake Channel — 5m 30s


                <!-- Image suggestion: A loaf – crusty -->

                ```
                [TWEET:0] stays in code
                ```""");
        assertThat(exported).doesNotContain("[TWEET:9]").doesNotContain("![IMAGE");
    }

    @Test
    void htmlExportIsTheLightDocumentWithItsDescription() {
        String html = new PreviewDocument(new PostRenderer()).exportHtml(post("T", "About <bread>", List.of(), "[ARTICLE:0]"));
        assertThat(html).contains("data-theme=\"light\"").contains("<meta name=\"description\" content=\"About &lt;bread&gt;\">")
                .contains("class=\"embed embed-article\"");
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource({"Sourdough für Anfänger!, sourdough-fur-anfanger", "'  --Hello,   World--  ', hello-world", "'', ''",
            "10 Tips: Bake Better Bread (2026), 10-tips-bake-better-bread-2026"})
    void slugs(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }
}
