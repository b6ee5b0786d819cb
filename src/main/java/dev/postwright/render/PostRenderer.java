package dev.postwright.render;

import dev.postwright.model.Embeds;
import dev.postwright.render.internal.EmbedExtension;
import dev.postwright.render.internal.SafeUrls;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to safe HTML: CommonMark with GFM tables and autolinks, embed placeholders as cards,
 * visual placeholders as figure boxes. Raw HTML in the content is shown as text, never run;
 * links and images are limited to web, mail and relative URLs. Built once; thread-safe.
 */
public final class PostRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
            EmbedExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).urlSanitizer(SafeUrls.INSTANCE).build();

    /** A rendered body, and whether it opens with its own H1 title. */
    public record Body(String html, boolean opensWithTitle) {}

    /** Renders the post body; {@code embeds} are what the placeholders' indexes refer to. */
    public Body render(String markdown, Embeds embeds) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        EmbedExtension.resolve(document, embeds == null ? Embeds.NONE : embeds);
        boolean titled = document.getFirstChild() instanceof Heading h && h.getLevel() == 1;
        return new Body(renderer.render(document), titled);
    }

    /** The HTML of the post body alone. */
    public String renderBody(String markdown, Embeds embeds) {
        return render(markdown, embeds).html();
    }
}
