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

    @Test
    void theDialogOffersWordAndPdfAndWritesWhatTheNameAsks() throws Exception {
        assertThat(PostExports.Format.fileTypes()).extracting(FileDialogs.FileType::description)
                .containsExactly("Markdown with front matter", "Web page", "Word document", "PDF document");
        assertThat(PostExports.Format.of(Path.of("a.DOCX"))).isEqualTo(PostExports.Format.DOCX);
        assertThat(PostExports.fileName(HOSTILE, PostExports.Format.PDF)).isEqualTo("script-alert-1-script.pdf");
        Path docx = dir.resolve("post.docx");
        Path pdf = dir.resolve("post.pdf");
        PostExports.export(HOSTILE, docx, new PostRenderer(), LocalDate.of(2026, 11, 21));
        PostExports.export(HOSTILE, pdf, new PostRenderer(), LocalDate.of(2026, 11, 21));
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(docx))) {
            assertThat(zip.getNextEntry()).isNotNull(); // a .docx is a zip package
        }
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aFileThatCannotBeWrittenSaysWhyInWords() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes"), "kept");
        Path out = notes.resolve("post.pdf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostExports.export(HOSTILE, out, new PostRenderer(),
                LocalDate.of(2026, 11, 21))).isInstanceOf(java.io.IOException.class)
                .hasMessage("part of the path " + notes + " is a file, not a folder");
        assertThat(Files.readString(notes)).isEqualTo("kept");
    }
}
