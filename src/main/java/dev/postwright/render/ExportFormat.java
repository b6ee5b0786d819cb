package dev.postwright.render;

import dev.postwright.model.BlogPost;
import java.nio.charset.StandardCharsets;
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
 * each: the window's Export…, {@code generate --out} and {@code export --out} all come here, so a
 * file named {@code .html} always holds the safe standalone document and never Markdown.
 */
public enum ExportFormat {
    /** Markdown with front matter ({@link MarkdownExport}). */
    MARKDOWN(List.of("md", "markdown"), false),
    /** The standalone light document ({@link PreviewDocument#exportHtml}). */
    HTML(List.of("html", "htm"), false),
    /** A Word document ({@link DocxExport}). */
    DOCX(List.of("docx"), true),
    /** A PDF laid out from the export's HTML ({@link PdfExport}). */
    PDF(List.of("pdf"), true);

    /** The extensions this format is written for, the usual one first; lower case, without the dot. */
    public final List<String> extensions;
    /** Whether the file is bytes rather than UTF-8 text (Word, PDF); such a file is never pasted as text. */
    public final boolean binary;

    ExportFormat(List<String> extensions, boolean binary) {
        this.extensions = extensions;
        this.binary = binary;
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

    /** ".md, .markdown, .html, .htm, .docx or .pdf": for a sentence that names what can be written. */
    public static String choices() {
        List<String> all = Arrays.stream(values()).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toList();
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.getLast();
    }

    /**
     * A post as files: the main file's bytes, and the images it links to, by path relative to it
     * (none for HTML, Word and PDF, which hold them).
     */
    public record Export(byte[] bytes, Map<String, byte[]> images) {
        static Export text(String text, Map<String, byte[]> images) {
            return new Export(text.getBytes(StandardCharsets.UTF_8), images);
        }

        /** The main file as text: for Markdown and HTML, which are UTF-8. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The file's text alone, without the library's images (Markdown leaves a comment where each
     * was); for the text formats only.
     *
     * @throws UnsupportedOperationException for a {@link #binary} format, which has no text
     */
    public String write(BlogPost post, PostRenderer renderer, LocalDate date) {
        return switch (this) {
            case MARKDOWN -> MarkdownExport.export(post, date);
            case HTML -> new PreviewDocument(renderer).exportHtml(post);
            case DOCX, PDF -> throw new UnsupportedOperationException(this + " is not text; use export");
        };
    }

    /**
     * The post as files named after {@code file}: {@code date} goes into Markdown's front matter,
     * {@code renderer} draws the HTML and finds the images. Markdown links its images in a folder
     * beside it ({@code post-images/}); HTML, Word and PDF hold them. An image the library lacks is
     * left out (and said so in words).
     */
    public Export export(BlogPost post, PostRenderer renderer, LocalDate date, Path file) {
        return switch (this) {
            case MARKDOWN -> markdown(post, renderer, date, file);
            case HTML -> Export.text(new PreviewDocument(renderer).exportHtml(post), Map.of());
            case DOCX -> new Export(DocxExport.export(post, renderer), Map.of());
            case PDF -> new Export(PdfExport.export(post, renderer), Map.of());
        };
    }

    private static Export markdown(BlogPost post, PostRenderer renderer, LocalDate date, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String folder = (dot > 0 ? name.substring(0, dot) : name) + "-images";
        Map<String, byte[]> images = new LinkedHashMap<>();
        String text = MarkdownExport.export(post, date, id -> renderer.images().image(id).map(image -> {
            String path = folder + "/" + image.fileName();
            images.put(path, image.bytes());
            return path;
        }).orElse(null));
        return Export.text(text, images);
    }
}
