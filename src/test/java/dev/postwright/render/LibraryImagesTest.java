package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.ImageRefs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The library's images in the preview and in exports: shown where they are, never a way in. */
class LibraryImagesTest {
    static final byte[] BYTES = "pretend PNG bytes".getBytes(StandardCharsets.US_ASCII);
    static final ImageSources ONE = id -> id.equals("img-1")
            ? Optional.of(new ImageSources.ImageData(BYTES, "image/png", "0123456789abcdef0123")) : Optional.empty();

    private static BlogPost post(String content) {
        return new BlogPost("Rye", null, content, null, List.of(), List.of(), null, List.of(), List.of(), null, null,
                Embeds.NONE);
    }

    static final String CONTENT = "# Rye\n\n" + ImageRefs.markdown("A rye loaf", "img-1") + "\n\nText.\n\n"
            + ImageRefs.markdown("Gone", "img-2") + "\n";

    @Test
    void thePreviewShowsALibraryImageAsItsBytesAndAMissingOneInWords() {
        String html = new PostRenderer(ONE).renderBody(CONTENT, Embeds.NONE);
        assertThat(html).contains("<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(BYTES)
                + "\" alt=\"A rye loaf\" />");
        assertThat(html).contains("[image not found: Gone]").doesNotContain("postwright-image:");
        assertThat(new PostRenderer().renderBody(CONTENT, Embeds.NONE)).contains("[image not found: A rye loaf]");
    }

    @Test
    void onlyPicturesMayBeDataUrlsAndNeverSvgOrPages() {
        String html = new PostRenderer().renderBody("""
                ![svg](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![page](data:text/html;base64,PGgxPg==)
                ![ok](data:image/webp;base64,UklGRg==) [link](data:image/png;base64,AAAA)""", Embeds.NONE);
        assertThat(html).doesNotContain("svg+xml").doesNotContain("text/html").contains("data:image/webp;base64,UklGRg==")
                .doesNotContain("href=\"data:");
    }

    @Test
    void markdownExportLinksTheImagesInAFolderBesideItAndTheWebPageEmbedsThem() {
        var renderer = new PostRenderer(ONE);
        var markdown = ExportFormat.MARKDOWN.export(post(CONTENT), renderer, LocalDate.of(2026, 12, 2),
                Path.of("out/rye.md"));
        assertThat(markdown.text()).contains("![A rye loaf](<rye-images/0123456789abcdef.png>)")
                .contains("<!-- Image: Gone -->").doesNotContain("postwright-image:");
        assertThat(markdown.images()).containsOnlyKeys("rye-images/0123456789abcdef.png");
        assertThat(markdown.images().get("rye-images/0123456789abcdef.png")).isEqualTo(BYTES);

        var page = ExportFormat.HTML.export(post(CONTENT), renderer, LocalDate.of(2026, 12, 2), Path.of("out/rye.html"));
        assertThat(page.images()).isEmpty();
        assertThat(page.text()).contains("src=\"data:image/png;base64,");
    }

    @Test
    void copiedMarkdownNamesEachImageItCannotCarry() {
        assertThat(MarkdownExport.body(post(CONTENT))).contains("<!-- Image: A rye loaf -->")
                .doesNotContain("postwright-image:");
    }

    @Test
    void altTextWithBracketsSurvivesThePreviewAndTheExports() {
        String content = ImageRefs.markdown("Rye [dark] loaf", "img-1") + "\n\n" + ImageRefs.markdown("Gone [x]", "img-2");
        assertThat(new PostRenderer(ONE).renderBody(content, Embeds.NONE)).contains("alt=\"Rye [dark] loaf\"");
        var markdown = ExportFormat.MARKDOWN.export(post(content), new PostRenderer(ONE), LocalDate.of(2026, 12, 2),
                Path.of("out/rye.md"));
        assertThat(markdown.text()).contains("![Rye \\[dark\\] loaf](<rye-images/0123456789abcdef.png>)")
                .contains("<!-- Image: Gone [x] -->");
    }
}
