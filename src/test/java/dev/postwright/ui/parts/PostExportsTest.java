package dev.postwright.ui.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import dev.postwright.testing.ScriptVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Export… and Copy Markdown: the same safe files as the command line writes. */
class PostExportsTest {
    private static final BlogPost HOSTILE = new BlogPost("<script>alert(1)</script>", null,
            "Hi <img src=x onerror=alert(2)>\n\n<div>\n<script>alert(3)</script>\n</div>\n\n[x](javascript:alert(4))",
            null, List.of(), List.of(), null, List.of(), List.of(), null, null, Embeds.NONE);

    @TempDir
    Path dir;

    @Test
    void exportedFilesAndCopiedMarkdownPublishNoScript() throws Exception {
        Path markdown = dir.resolve("post.md");
        Path html = dir.resolve("post.html");
        PostExports.export(HOSTILE, markdown, new PostRenderer(), LocalDate.of(2026, 11, 21));
        PostExports.export(HOSTILE, html, new PostRenderer(), LocalDate.of(2026, 11, 21));
        assertThat(ScriptVectors.in(ScriptVectors.publishedByAPlainSite(Files.readString(markdown)))).isEmpty();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(ScriptVectors.in(Files.readString(html))).isEmpty();
        assertThat(ScriptVectors.in(ScriptVectors.publishedByAPlainSite(PostExports.markdown(HOSTILE)))).isEmpty();
        assertThat(PostExports.Format.of(Path.of("a.HTM"))).isEqualTo(PostExports.Format.HTML);
        assertThat(PostExports.Format.of(Path.of("a.txt"))).isEqualTo(PostExports.Format.MARKDOWN);
    }
}
