package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.Article;
import dev.postwright.model.Embeds;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown in, HTML out. */
class PostRendererGoldenTest {
    static final Embeds EMBEDS = new Embeds(
            List.of(new Tweet("https://x.com/ann/1", "Ann", "ann", "Feed it <daily>", null, null, false)),
            List.of(new Article("https://news.example/a", "Bread boom", "Why bakers are busy", "The Crumb", null,
                    "2026-10-01T08:00:00Z", null, null)),
            List.of(new Video("javascript:alert(1)", "v1", "Shaping", null, "Bake Channel", "c", null,
                    "https://img.example/t.jpg", 1L, 1L, "5m 30s")));
    private final PostRenderer renderer = new PostRenderer();

    private String render(String markdown) {
        return renderer.renderBody(markdown, EMBEDS);
    }

    @Test
    void aTweetPlaceholderBecomesACardBetweenTheParagraphsAroundIt() {
        assertThat(render("Intro text.\n[TWEET:0]\nAfter.")).isEqualTo("""
                <p>Intro text.
                </p>
                <figure class="embed embed-tweet"><blockquote class="embed-text"><p>Feed it &lt;daily&gt;</p></blockquote>\
                <figcaption><strong class="embed-author">Ann</strong> <span class="embed-handle">@ann</span> · \
                <a href="https://x.com/ann/1" rel="noopener noreferrer">View post</a></figcaption></figure>
                <p>
                After.</p>
                """);
    }

    @Test
    void articleAndVideoCardsAndAQuietNoteForAMissingIndex() {
        assertThat(render("[ARTICLE:0]\n\n[VIDEO:0]\n\n[TWEET:7]")).isEqualTo("""
                <figure class="embed embed-article"><a class="embed-title" href="https://news.example/a" \
                rel="noopener noreferrer">Bread boom</a><div class="embed-meta">The Crumb · 2026-10-01</div>\
                <p class="embed-description">Why bakers are busy</p></figure>
                <figure class="embed embed-video"><img class="embed-thumbnail" src="https://img.example/t.jpg" \
                alt="Shaping" /><figcaption><strong class="embed-title">Shaping</strong>\
                <div class="embed-meta">Bake Channel · 5m 30s</div></figcaption></figure>
                <p class="embed-missing">Missing tweet 8: the post refers to an embed that was not provided.</p>
                """);
    }

    @Test
    void imageAndChartPlaceholdersBecomeFigureBoxes() {
        assertThat(render("![IMAGE:featured:A loaf on a board]\n\nText ![CHART:Rise times by hour] more.")).isEqualTo("""
                <figure class="visual-placeholder visual-image"><div class="visual-label">Image</div>\
                <figcaption>A loaf on a board</figcaption></figure>
                <p>Text </p>
                <figure class="visual-placeholder visual-chart"><div class="visual-label">Chart</div>\
                <figcaption>Rise times by hour</figcaption></figure>
                <p> more.</p>
                """);
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun() {
        assertThat(render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there.")).isEqualTo("""
                <p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
                <p>Hi &lt;img src=x onerror=alert(1)&gt; there.</p>
                """);
    }

    @Test
    void onlyWebMailAndRelativeUrlsSurvive() {
        assertThat(render("[a](javascript:alert(1)) [b](data:text/html;base64,xx) [c](/about) [d](mailto:a@b.c) "
                + "[e](vbscript:x) [f](JAVASCRIPT:x) ![g](javascript:x)")).isEqualTo("""
                <p><a href="#">a</a> <a href="#">b</a> <a href="/about">c</a> \
                <a href="mailto:a@b.c">d</a> <a href="#">e</a> <a href="#">f</a> \
                <img src="" alt="g" /></p>
                """);
    }

    @Test
    void placeholdersInCodeStayAsWritten() {
        assertThat(render("`[TWEET:0]` and\n\n```\n[TWEET:0]\n```")).isEqualTo("""
                <p><code>[TWEET:0]</code> and</p>
                <pre><code>[TWEET:0]
                </code></pre>
                """);
    }

    @Test
    void tablesAndAutolinks() {
        assertThat(render("| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://example.com now.")).isEqualTo("""
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th>b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>1</td>
                <td>2</td>
                </tr>
                </tbody>
                </table>
                <p>See <a href="https://example.com">https://example.com</a> now.</p>
                """);
    }

    @Test
    void hostileEmbedObjectsAreEscapedAndTheirScriptLinksDropped() {
        var hostile = new Embeds(List.of(new Tweet("javascript:alert(1)", "<b>Eve</b>", "\"><script>", "<svg onload=x>",
                null, null, false)), List.of(), List.of());
        assertThat(renderer.renderBody("[TWEET:0]", hostile)).isEqualTo("""
                <figure class="embed embed-tweet"><blockquote class="embed-text"><p>&lt;svg onload=x&gt;</p></blockquote>\
                <figcaption><strong class="embed-author">&lt;b&gt;Eve&lt;/b&gt;</strong> \
                <span class="embed-handle">@&quot;&gt;&lt;script&gt;</span></figcaption></figure>
                """);
    }

    @Test
    void emptyAndNullContentRenderNothing() {
        assertThat(renderer.renderBody(null, null)).isEmpty();
        assertThat(renderer.renderBody("", Embeds.NONE)).isEmpty();
    }
}
