package dev.postwright.render;

import dev.postwright.model.BlogPost;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    /**
     * A post as files: the main file's text, and the images it links to, by path relative to it
     * (none for HTML, which embeds them).
     */
    public record Export(String text, Map<String, byte[]> images) {}

    /** The file's text alone, without the library's images (Markdown leaves a comment where each was). */
    public String write(BlogPost post, PostRenderer renderer, LocalDate date) {
        return switch (this) {
            case MARKDOWN -> MarkdownExport.export(post, date);
            case HTML -> new PreviewDocument(renderer).exportHtml(post);
        };
    }

    /**
     * The post as files named after {@code file}: {@code date} goes into Markdown's front matter,
     * {@code renderer} draws the HTML and finds the images. Markdown links its images in a folder
     * beside it ({@code post-images/}); HTML embeds them. An image the library lacks is left out.
     */
    public Export export(BlogPost post, PostRenderer renderer, LocalDate date, Path file) {
        if (this == HTML) return new Export(new PreviewDocument(renderer).exportHtml(post), Map.of());
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String folder = (dot > 0 ? name.substring(0, dot) : name) + "-images";
        Map<String, byte[]> images = new LinkedHashMap<>();
        String text = MarkdownExport.export(post, date, id -> renderer.images().image(id).map(image -> {
            String path = folder + "/" + image.fileName();
            images.put(path, image.bytes());
            return path;
        }).orElse(null));
        return new Export(text, images);
    }
}
