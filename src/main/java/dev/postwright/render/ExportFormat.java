package dev.postwright.render;

import dev.postwright.model.BlogPost;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files a post exports to, chosen by the file's extension, and the one place that writes
 * each: the window's Export… and {@code generate --out} both come here, so a file named
 * {@code .html} always holds the safe standalone document and never Markdown.
 */
public enum ExportFormat {
    /** Markdown with front matter ({@link MarkdownExport}). */
    MARKDOWN(List.of("md", "markdown")),
    /** The standalone light document ({@link PreviewDocument#exportHtml}). */
    HTML(List.of("html", "htm"));

    /** The extensions this format is written for, the usual one first; lower case, without the dot. */
    public final List<String> extensions;

    ExportFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The format {@code file}'s extension asks for (in any case), or empty for one we do not write. */
    public static Optional<ExportFormat> of(Path file) {
        Path name = file.getFileName();
        if (name == null) return Optional.empty();
        String lower = name.toString().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String extension = lower.substring(dot + 1);
        for (ExportFormat format : values()) {
            if (format.extensions.contains(extension)) return Optional.of(format);
        }
        return Optional.empty();
    }

    /** ".md, .markdown, .html or .htm": for a sentence that names what can be written. */
    public static String choices() {
        List<String> all = Arrays.stream(values()).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toList();
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.getLast();
    }

    /** The file's text: {@code date} goes into Markdown's front matter; {@code renderer} draws the HTML. */
    public String write(BlogPost post, PostRenderer renderer, LocalDate date) {
        return switch (this) {
            case MARKDOWN -> MarkdownExport.export(post, date);
            case HTML -> new PreviewDocument(renderer).exportHtml(post);
        };
    }
}
