package dev.postwright.publish;

import dev.postwright.model.ImageRefs;
import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's body as WordPress gets it: the same safe HTML as the preview (raw HTML shown as text,
 * links and images limited to web addresses, embeds as cards), without the title heading and the
 * featured image (the theme shows both above the content), and with each library image pointing
 * at its copy in the site's media library.
 */
final class WordPressHtml {
    private static final Pattern TITLE_HEADING = Pattern.compile("\\A\\s*# [^\\n]*\\n?");
    private static final PostRenderer RENDERER = new PostRenderer();

    private WordPressHtml() {}

    /**
     * @param uploaded the site's address of each library image the text names, by image id; an
     *                 image missing here (its file lost) is left out with its reference
     * @param featuredId the image sent as {@code featured_media}, or null
     */
    static String of(String markdown, Embeds embeds, Map<String, URI> uploaded, String featuredId) {
        String body = TITLE_HEADING.matcher(markdown == null ? "" : markdown).replaceFirst("");
        Matcher ref = ImageRefs.MARKDOWN.matcher(body);
        StringBuilder out = new StringBuilder();
        while (ref.find()) {
            String id = ref.group(2);
            URI url = uploaded.get(id);
            String replacement = id.equals(featuredId) || url == null ? "" : "![" + ref.group(1) + "](<" + url + ">)";
            ref.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        ref.appendTail(out);
        return RENDERER.renderBody(out.toString().stripLeading(), embeds);
    }
}
