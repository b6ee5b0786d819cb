package dev.postwright.ui.parts;

import dev.postwright.engine.ExportFiles;
import dev.postwright.model.BlogPost;
import dev.postwright.render.ExportFormat;
import dev.postwright.render.MarkdownExport;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.Slugs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A post as the files and clipboard text writers take elsewhere. Stateless; safe on any thread
 * (callers keep it off the FX thread for long posts).
 */
public final class PostExports {
    private PostExports() {}

    /** The formats a post exports to, by file extension. */
    public enum Format {
        MARKDOWN("md", "Markdown with front matter", ExportFormat.MARKDOWN), HTML("html", "Web page", ExportFormat.HTML),
        DOCX("docx", "Word document", ExportFormat.DOCX), PDF("pdf", "PDF document", ExportFormat.PDF);

        public final String extension;
        public final String description;
        private final ExportFormat export;

        Format(String extension, String description, ExportFormat export) {
            this.extension = extension;
            this.description = description;
            this.export = export;
        }

        public FileDialogs.FileType fileType() {
            return new FileDialogs.FileType(description, extension);
        }

        /** Every format, for a save dialog. */
        public static List<FileDialogs.FileType> fileTypes() {
            return Arrays.stream(values()).map(Format::fileType).toList();
        }

        /**
         * The format a file name asks for; Markdown unless it ends in .html, .htm, .docx or .pdf (a
         * name the save dialog let through, like "post.txt", still gets the Markdown it showed as default).
         */
        public static Format of(Path file) {
            ExportFormat asked = ExportFormat.of(file).orElse(ExportFormat.MARKDOWN);
            return Arrays.stream(values()).filter(f -> f.export == asked).findFirst().orElseThrow();
        }
    }

    /** A file name for the post, from its title. */
    public static String fileName(BlogPost post, Format format) {
        String slug = Slugs.of(post.title());
        return (slug.isEmpty() ? "post" : slug) + "." + format.extension;
    }

    /** The body as Markdown, embeds resolved to quotes and links, and each library image left as a comment naming it. */
    public static String markdown(BlogPost post) {
        return MarkdownExport.body(post);
    }

    /** The body as HTML, embeds as cards and images embedded in it: what a CMS's HTML view takes. */
    public static String html(BlogPost post, PostRenderer renderer) {
        return renderer.renderBody(post.content() == null ? "" : post.content(), post.embeds());
    }

    /**
     * Writes {@code post} to {@code file} in the format its name asks for, with its images in a
     * folder beside a Markdown file ({@code post-images/}) or inside a web page, Word document or
     * PDF. A failure never leaves half a file; its message says why in words ({@link ExportFiles#reason}).
     */
    public static void export(BlogPost post, Path file, PostRenderer renderer, LocalDate date) throws IOException {
        try {
            ExportFiles.write(Format.of(file).export.export(post, renderer, date, file), file);
        } catch (IOException e) {
            throw new IOException(ExportFiles.reason(e, file), e);
        }
    }
}
