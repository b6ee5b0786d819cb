package dev.postwright.render.internal;

import dev.postwright.model.Article;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders embed cards and visual placeholders. All text goes through {@link HtmlWriter#text}
 * (escaped) and every link through {@link SafeUrls}, because embed objects come from producers
 * we do not control.
 */
final class EmbedCardRenderer implements NodeRenderer {
    private final HtmlWriter html;

    EmbedCardRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(EmbedBlock.class, VisualPlaceholder.class);
    }

    @Override
    public void render(Node node) {
        html.line();
        switch (node) {
            case EmbedBlock embed when embed.resolved instanceof Tweet t -> tweet(t);
            case EmbedBlock embed when embed.resolved instanceof Article a -> article(a);
            case EmbedBlock embed when embed.resolved instanceof Video v -> video(v);
            case EmbedBlock embed -> missing(embed);
            case VisualPlaceholder visual -> visual(visual);
            default -> throw new IllegalArgumentException("not an embed node: " + node);
        }
        html.line();
    }

    private void tweet(Tweet t) {
        open("figure", "embed embed-tweet");
        open("blockquote", "embed-text");
        text("p", null, t.text());
        close("blockquote");
        open("figcaption", null);
        text("strong", "embed-author", t.author());
        if (t.handle() != null) {
            html.text(" ");
            text("span", "embed-handle", t.handle().startsWith("@") ? t.handle() : "@" + t.handle());
        }
        link(t.url(), "View post");
        close("figcaption");
        close("figure");
    }

    private void article(Article a) {
        open("figure", "embed embed-article");
        if (!linkTitle(a.url(), a.title(), "embed-title")) text("strong", "embed-title", a.title());
        String meta = joined(a.sourceName(), date(a.publishedAt()));
        if (!meta.isEmpty()) text("div", "embed-meta", meta);
        text("p", "embed-description", a.description());
        close("figure");
    }

    private void video(Video v) {
        open("figure", "embed embed-video");
        String thumbnail = SafeUrls.webLinkOrNull(v.thumbnailUrl());
        if (thumbnail != null) {
            html.tag("img", attributes("class", "embed-thumbnail", "src", thumbnail, "alt",
                    v.title() == null ? "" : v.title()), true);
        }
        open("figcaption", null);
        if (!linkTitle(v.url(), v.title(), "embed-title")) text("strong", "embed-title", v.title());
        String meta = joined(v.channelTitle(), v.duration());
        if (!meta.isEmpty()) text("div", "embed-meta", meta);
        close("figcaption");
        close("figure");
    }

    private void missing(EmbedBlock embed) {
        text("p", "embed-missing", "Missing " + embed.kind().name().toLowerCase(Locale.ROOT) + " " + (embed.index() + 1)
                + ": the post refers to an embed that was not provided.");
    }

    private void visual(VisualPlaceholder visual) {
        open("figure", "visual-placeholder visual-" + visual.kind());
        text("div", "visual-label", visual.kind().equals("chart") ? "Chart" : "Image");
        text("figcaption", null, visual.description());
        close("figure");
    }

    private boolean linkTitle(String url, String title, String cssClass) {
        String safe = SafeUrls.webLinkOrNull(url);
        if (safe == null || title == null) return false;
        html.tag("a", attributes("class", cssClass, "href", safe, "rel", "noopener noreferrer"));
        html.text(title);
        html.tag("/a");
        return true;
    }

    private void link(String url, String label) {
        String safe = SafeUrls.webLinkOrNull(url);
        if (safe == null) return;
        html.text(" · ");
        html.tag("a", attributes("href", safe, "rel", "noopener noreferrer"));
        html.text(label);
        html.tag("/a");
    }

    private void open(String tag, String cssClass) {
        html.tag(tag, cssClass == null ? Map.of() : attributes("class", cssClass));
    }

    private void close(String tag) {
        html.tag("/" + tag);
    }

    private void text(String tag, String cssClass, String text) {
        if (text == null || text.isBlank()) return;
        open(tag, cssClass);
        html.text(text);
        close(tag);
    }

    /** Attributes in the order given (Map.of would shuffle them from one run to the next). */
    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) out.put(namesAndValues[i], namesAndValues[i + 1]);
        return out;
    }

    private static String joined(String first, String second) {
        boolean a = first != null && !first.isBlank();
        boolean b = second != null && !second.isBlank();
        return a && b ? first + " · " + second : a ? first : b ? second : "";
    }

    /** "2026-10-01T08:00:00Z" → "2026-10-01"; other text as it is. */
    private static String date(String iso) {
        return iso != null && iso.length() >= 10 && iso.charAt(4) == '-' ? iso.substring(0, 10) : iso;
    }
}
