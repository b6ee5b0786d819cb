package dev.postwright.render.internal;

import dev.postwright.model.Embeds;
import java.util.List;
import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The commonmark extension for Postwright's placeholders: a post-processor that lifts them into
 * blocks, and a renderer for those blocks. {@link #resolve} binds a parsed document to one post's
 * embeds, so the configured parser and renderer stay shared and thread-safe.
 */
public final class EmbedExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    private EmbedExtension() {}

    public static EmbedExtension create() {
        return new EmbedExtension();
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessor(new PlaceholderPostProcessor());
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer) {
        renderer.nodeRendererFactory(EmbedCardRenderer::new);
    }

    /**
     * Points each placeholder of {@code document} at its object in {@code embeds} (null when
     * missing). Embed blocks only ever sit among blocks, so inline content is not walked.
     */
    public static void resolve(Node document, Embeds embeds) {
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof EmbedBlock embed) embed.resolved = pick(embed, embeds);
            else if (child instanceof Block && !(child instanceof Paragraph) && !(child instanceof Heading)) {
                resolve(child, embeds); // lists, list items, block quotes
            }
        }
    }

    private static Object pick(EmbedBlock embed, Embeds embeds) {
        List<?> list = switch (embed.kind()) {
            case TWEET -> embeds.tweets();
            case ARTICLE -> embeds.articles();
            case VIDEO -> embeds.videos();
        };
        return embed.index() < list.size() ? list.get(embed.index()) : null;
    }
}
