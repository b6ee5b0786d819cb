package dev.postwright.render;

import dev.postwright.model.Embeds;
import dev.postwright.render.internal.EmbedExtension;
import dev.postwright.render.internal.LibraryImages;
import dev.postwright.render.internal.SafeUrls;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to safe HTML: CommonMark with GFM tables and autolinks, embed placeholders as cards,
 * visual placeholders as figure boxes, the library's images ({@code postwright-image:ID}) inline as
 * {@code data:} URLs. Raw HTML in the content is shown as text, never run; links and images are
 * limited to web, mail and relative URLs (and images to those {@code data:} URLs of PNG, JPEG or
 * WebP). Built once; thread-safe.
 */
public final class PostRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
            EmbedExtension.create());

    /** How many images' {@code data:} URLs are kept between renders (a post shows a handful). */
    private static final int CACHED_IMAGES = 16;

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    // URL sanitizing also marks every link rel="nofollow"; a writer's links are editorial, and an
    // exported or published post that disowned all of them (its own site's included) would lose
    // their value to search engines. Safety is the sanitizer's, not rel's, so rel goes.
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).urlSanitizer(SafeUrls.INSTANCE)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) attributes.remove("rel");
            }).build();
    private final ImageSources images;
    private final Map<String, String> dataUrls = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_IMAGES;
        }
    });

    /** A renderer without a library: posts' library images show as missing. */
    public PostRenderer() {
        this(ImageSources.NONE);
    }

    /** A renderer that shows the library's images, embedded as {@code data:} URLs. */
    public PostRenderer(ImageSources images) {
        this.images = images;
    }

    /** The images this renderer shows; an export writes the same ones. */
    public ImageSources images() {
        return images;
    }

    /** A rendered body, and whether it opens with its own H1 title. */
    public record Body(String html, boolean opensWithTitle) {}

    /** Renders the post body; {@code embeds} are what the placeholders' indexes refer to. */
    public Body render(String markdown, Embeds embeds) {
        Node document = parse(markdown, embeds);
        LibraryImages.resolve(document, this::dataUrl);
        boolean titled = document.getFirstChild() instanceof Heading h && h.getLevel() == 1;
        return new Body(renderer.render(document), titled);
    }

    /**
     * The post body as the renderer reads it, for exports that walk it themselves: placeholders
     * lifted into blocks and bound to {@code embeds}, library images still {@code postwright-image:ID}.
     */
    Node parse(String markdown, Embeds embeds) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        EmbedExtension.resolve(document, embeds == null ? Embeds.NONE : embeds);
        return document;
    }

    private Optional<String> dataUrl(String id) {
        String cached = dataUrls.get(id);
        if (cached != null) return Optional.of(cached);
        Optional<String> url = images.image(id).map(i -> "data:" + i.mediaType() + ";base64,"
                + Base64.getEncoder().encodeToString(i.bytes()));
        url.ifPresent(u -> dataUrls.put(id, u));
        return url;
    }

    /** The HTML of the post body alone. */
    public String renderBody(String markdown, Embeds embeds) {
        return render(markdown, embeds).html();
    }
}
