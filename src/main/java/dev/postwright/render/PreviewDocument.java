package dev.postwright.render;

import dev.postwright.model.BlogPost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A complete HTML document showing a post: title, subtitle and body, with a readable stylesheet
 * in a light and a dark theme. Its Content-Security-Policy forbids scripts, frames and remote
 * requests other than images, so nothing in the content can run even if it slipped past escaping.
 * The body sits in {@code <div id="post-body">}, so a viewer can replace it in place. Thread-safe.
 */
public final class PreviewDocument {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    private static final String STYLESHEET = load("preview.css");
    private static final String PRINT_STYLESHEET = load("print.css");

    private final PostRenderer renderer;

    public PreviewDocument(PostRenderer renderer) {
        this.renderer = renderer;
    }

    /** The whole document for {@code post} in {@code theme}. */
    public String render(BlogPost post, Theme theme) {
        return document(post, theme, STYLESHEET);
    }

    /**
     * The light document with a stylesheet for paper (page size, margins, "page n of m", the
     * shipped DejaVu fonts), for {@link PdfExport}: the same head, policy and body as the export.
     */
    public String printHtml(BlogPost post) {
        return document(post, Theme.LIGHT, PRINT_STYLESHEET);
    }

    private String document(BlogPost post, Theme theme, String stylesheet) {
        PostRenderer.Body body = renderer.render(post.content(), post.embeds());
        var out = new StringBuilder(body.html().length() + stylesheet.length() + 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"").append(theme.name().toLowerCase(Locale.ROOT))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(post.metaDescription() == null ? "" : "<meta name=\"description\" content=\""
                        + Html.escape(post.metaDescription()) + "\">\n")
                .append("<title>").append(Html.escape(Objects.requireNonNullElse(post.title(), "Untitled post")))
                .append("</title>\n<style>\n").append(stylesheet).append("</style>\n</head>\n<body>\n<article class=\"post\">\n");
        boolean showTitle = !body.opensWithTitle() && post.title() != null && !post.title().isBlank();
        if (showTitle || (post.subtitle() != null && !post.subtitle().isBlank())) {
            out.append("<header class=\"post-header\">\n");
            if (showTitle) out.append("<h1 class=\"post-title\">").append(Html.escape(post.title())).append("</h1>\n");
            if (post.subtitle() != null && !post.subtitle().isBlank()) {
                out.append("<p class=\"post-subtitle\">").append(Html.escape(post.subtitle())).append("</p>\n");
            }
            out.append("</header>\n");
        }
        out.append("<div id=\"post-body\">\n").append(body.html()).append("</div>\n</article>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The post as a standalone HTML file to publish or send: the light document, nothing remote but images. */
    public String exportHtml(BlogPost post) {
        return render(post, Theme.LIGHT);
    }

    private static String load(String name) {
        try (InputStream in = PreviewDocument.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
