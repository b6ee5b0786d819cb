package dev.postwright.testing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What in an HTML page would run script: script and frame tags, event-handler attributes, and
 * links or sources with a script scheme. Text that only shows them ({@code &lt;script&gt;}) is
 * not a vector. And the HTML a site with a plain CommonMark (or GFM tables) renderer makes from
 * a Markdown file, with none of our sanitising: what publishing an exported file would give.
 */
public final class ScriptVectors {
    /** A tag's name and whole attributes (so a quoted value is never taken for one), then the next attribute. */
    private static final String TAG_THEN =
            "<[a-z][a-z0-9-]*(?:\\s+[^\\s=>\"'/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*\\s+";
    private static final List<Pattern> VECTORS = Stream.of(
            "<script", "<iframe", "<object", "<embed", "<svg", "<math", "<base\\b",
            TAG_THEN + "on[a-z]+\\s*=",
            TAG_THEN + "(?:href|src|action|formaction|xlink:href)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):")
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    private static final List<Parser> PARSERS = List.of(Parser.builder().build(),
            Parser.builder().extensions(List.of(TablesExtension.create())).build());

    private ScriptVectors() {}

    /** Every vector found in {@code html}, as the text that matched. */
    public static List<String> in(String html) {
        return VECTORS.stream().flatMap(p -> {
            Matcher m = p.matcher(html);
            return m.results().map(r -> r.group());
        }).toList();
    }

    /** {@code markdown} through a plain CommonMark renderer, then through GFM with tables, joined. */
    public static String publishedByAPlainSite(String markdown) {
        var out = new StringBuilder();
        for (Parser parser : PARSERS) {
            var renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();
            out.append(renderer.render(parser.parse(markdown))).append('\n');
        }
        return out.toString();
    }
}
