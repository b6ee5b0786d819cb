package dev.postwright.render;

import dev.postwright.model.Article;
import dev.postwright.model.BlogPost;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.Embeds;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import dev.postwright.model.WebUrls;
import dev.postwright.render.internal.SafeMarkdown;
import dev.postwright.render.internal.SafeUrls;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post as a Markdown file for static-site generators: YAML front matter (title, description,
 * tags, date, slug), then the body with every placeholder resolved. An embed on a line of its
 * own becomes a quote or link block, one inside a sentence an inline link; a missing embed and
 * an image suggestion leave no brackets behind (the suggestion stays as an HTML comment for the
 * writer). Code fences are left as written.
 *
 * <p>The result is safe to publish through a site's own Markdown renderer: raw HTML from the
 * brief or the model shows as text, links go only to web, mail and relative addresses, and every
 * address is encoded so that it cannot end its link early ({@link SafeMarkdown}). Front matter
 * writes {@code <}, {@code >} and {@code ]} as YAML escapes, so a renderer that does not know
 * front matter finds no tags or links in it either. Stateless.
 */
public final class MarkdownExport {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\[(TWEET|ARTICLE|VIDEO):(\\d{1,4})]|!\\[(IMAGE|CHART):(?:[^\\]:\\n]*:)?([^\\]\\n]*)]");
    /** The comments {@link #block} writes for visual suggestions: no "--", "<" or ">" inside, so inert. */
    private static final Pattern SUGGESTION = Pattern.compile("<!-- (?:Image|Chart)(?: suggestion)?: (?:(?!--)[^<>\\n])* -->");

    private MarkdownExport() {}

    public static String export(BlogPost post, LocalDate date) {
        return export(post, date, id -> null);
    }

    /**
     * The file's text, each library image linked at {@code imagePaths.apply(id)} (a relative path
     * where the caller writes its bytes), or left out as a comment when that is null.
     */
    public static String export(BlogPost post, LocalDate date, Function<String, String> imagePaths) {
        var out = new StringBuilder("---\n");
        out.append("title: ").append(yaml(post.title())).append('\n');
        if (post.metaDescription() != null) out.append("description: ").append(yaml(post.metaDescription())).append('\n');
        out.append("tags: [").append(String.join(", ", post.tags().stream().map(MarkdownExport::yaml).toList()))
                .append("]\n");
        out.append("date: ").append(date).append('\n');
        out.append("slug: ").append(yaml(Slugs.of(post.title()))).append("\n---\n\n");
        out.append(body(post, imagePaths));
        return out.toString();
    }

    /**
     * The body alone, placeholders resolved: what a writer pastes into an editor that takes
     * Markdown. The library's images cannot travel in text: each is left as a comment naming it.
     */
    public static String body(BlogPost post) {
        return body(post, id -> null);
    }

    private static String body(BlogPost post, Function<String, String> imagePaths) {
        // Escaped after resolving: a placeholder that resolves to nothing can join "<a" to " onclick=…>".
        String content = post.content() == null ? "" : post.content();
        return SafeMarkdown.of(resolve(content, post.embeds(), imagePaths), block -> SUGGESTION.matcher(block).matches());
    }

    static String resolve(String markdown, Embeds embeds) {
        return resolve(markdown, embeds, id -> null);
    }

    /** The body with placeholders and library images resolved outside code fences. */
    static String resolve(String markdown, Embeds embeds, Function<String, String> imagePaths) {
        var out = new StringBuilder(markdown.length() + 256);
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) inFence = !inFence;
            if (!inFence && ImageRefs.MARKDOWN.matcher(line).find()) line = libraryImages(line, imagePaths);
            if (inFence || !PLACEHOLDER.matcher(line).find()) {
                out.append(line).append('\n');
                continue;
            }
            Matcher whole = PLACEHOLDER.matcher(stripped);
            if (whole.matches()) {
                String block = block(whole, embeds);
                if (!block.isEmpty()) out.append(block).append('\n');
            } else {
                out.append(PLACEHOLDER.matcher(line).replaceAll(m -> Matcher.quoteReplacement(inline(m, embeds))))
                        .append('\n');
            }
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /** A line's library images as links to their exported files, or comments (alone on the line) or nothing. */
    private static String libraryImages(String line, Function<String, String> imagePaths) {
        Matcher whole = ImageRefs.MARKDOWN.matcher(line.strip());
        if (whole.matches() && imagePaths.apply(whole.group(2)) == null) {
            return "<!-- Image: " + inert(ImageRefs.alt(whole.group(1))) + " -->";
        }
        return ImageRefs.MARKDOWN.matcher(line).replaceAll(m -> {
            String path = imagePaths.apply(m.group(2));
            return Matcher.quoteReplacement(path == null ? "" : "![" + escape(ImageRefs.alt(m.group(1))) + "](<" + path + ">)");
        });
    }

    /** Text for inside an HTML comment: no "--", "<" or ">", so it cannot end or open anything. */
    private static String inert(String text) {
        return text.strip().replace("--", "–").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String block(MatchResult m, Embeds embeds) {
        if (m.group(3) != null) {
            String kind = m.group(3).charAt(0) + m.group(3).substring(1).toLowerCase(Locale.ROOT);
            String description = inert(m.group(4));
            return "<!-- " + kind + " suggestion: " + description + " -->";
        }
        return switch (embed(m, embeds)) {
            case Tweet t -> "> " + escape(t.text()) + "\n>\n> — " + byline(t) + link(" · ", "view post", t.url());
            case Article a -> "> **" + linked(a.title(), a.url()) + "**" + suffix(a.sourceName())
                    + (a.description() == null ? "" : "\n> " + escape(a.description()));
            case Video v -> "> ▶ **" + linked(v.title(), v.url()) + "**" + suffix(v.channelTitle())
                    + suffix(v.duration());
            case null, default -> "";
        };
    }

    private static String inline(MatchResult m, Embeds embeds) {
        if (m.group(3) != null) return "";
        return switch (embed(m, embeds)) {
            case Tweet t -> linked("“" + t.text() + "” — " + byline(t), t.url());
            case Article a -> linked(a.title(), a.url());
            case Video v -> linked(v.title(), v.url());
            case null, default -> "";
        };
    }

    private static Object embed(MatchResult m, Embeds embeds) {
        int index = Integer.parseInt(m.group(2));
        List<?> list = switch (m.group(1)) {
            case "TWEET" -> embeds.tweets();
            case "ARTICLE" -> embeds.articles();
            default -> embeds.videos();
        };
        return index < list.size() ? list.get(index) : null;
    }

    private static String byline(Tweet t) {
        String handle = t.handle() == null ? "" : " (" + (t.handle().startsWith("@") ? "" : "@") + t.handle() + ")";
        return escape(t.author() == null ? "" : t.author()) + escape(handle);
    }

    private static String linked(String text, String url) {
        String safe = SafeUrls.webLinkOrNull(url);
        String label = escape(text == null ? url : text);
        return safe == null ? label : "[" + label + "](<" + WebUrls.forMarkdown(safe) + ">)";
    }

    private static String link(String separator, String label, String url) {
        return SafeUrls.webLinkOrNull(url) == null ? "" : separator + linked(label, url);
    }

    private static String suffix(String text) {
        return text == null || text.isBlank() ? "" : " — " + escape(text);
    }

    /** Backslash-escapes what Markdown would read as syntax in embed text. */
    private static String escape(String text) {
        if (text == null) return "";
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
    }

    /** A YAML double-quoted scalar (JSON string syntax, which YAML accepts). */
    private static String yaml(String text) {
        var out = new StringBuilder("\"");
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case ']' -> out.append("\\u005d"); // no "[text](javascript:…)" for a renderer that reads this
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
