package dev.postwright.llm.prompt;

import dev.postwright.llm.Brief;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.model.Outline;
import dev.postwright.model.Article;
import dev.postwright.model.Cta;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates ({@code prompts/*.txt} beside this class) filled from a brief. Each
 * {@code {{name}}} is replaced; an unknown name is a bug and fails loudly. Thread-safe.
 */
public final class Prompts {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Map<String, String> TEMPLATES = Map.of(
            "system", load("system.txt"), "outline", load("outline.txt"), "draft", load("draft.txt"),
            "metadata", load("metadata.txt"), "visuals", load("visuals.txt"), "repair", load("repair.txt"), "rewrite", load("rewrite.txt"));

    /** The system message for a rewrite ({@link #rewrite}). */
    public static final String EDITOR_SYSTEM = "You are a careful editor of blog posts.";

    private Prompts() {}

    public static String system(Brief brief) {
        return fill("system", brief, null, null);
    }

    public static String outline(Brief brief) {
        return fill("outline", brief, null, null);
    }

    public static String draft(Brief brief, Outline outline) {
        return fill("draft", brief, outline, null);
    }

    public static String metadata(Brief brief, String draft) {
        return fill("metadata", brief, null, draft);
    }

    public static String visuals(Brief brief, String draft) {
        return fill("visuals", brief, null, draft);
    }

    /** The request to rewrite one span of a post ({@link dev.postwright.llm.SpanRewriter}). */
    public static String rewrite(SpanRewriter.Rewrite r) {
        Map<String, String> values = Map.of("title", r.title(), "keyphrase", r.keyphrase(), "part", r.part(),
                "instruction", r.instruction(), "text", r.text());
        Matcher m = SLOT.matcher(TEMPLATES.get("rewrite"));
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException("prompt slot {{" + m.group(1) + "}} has no value");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String repair() {
        return TEMPLATES.get("repair");
    }

    private static String fill(String template, Brief brief, Outline outline, String draft) {
        Matcher m = SLOT.matcher(TEMPLATES.get(template));
        var out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), brief, outline, draft)));
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, Brief brief, Outline outline, String draft) {
        var business = brief.request().businessInfo();
        return switch (name) {
            case "title" -> outline != null ? outline.title() : brief.title();
            case "keyphrase" -> brief.focusKeyphrase();
            case "keywords" -> brief.keywords().isEmpty() ? "none" : String.join(", ", brief.keywords());
            case "audience" -> brief.audience();
            case "business" -> or(business == null ? null : business.businessType(), brief.profile().businessType(),
                    brief.profile().name(), "a business");
            case "industry" -> or(business == null ? null : business.industry(), brief.profile().industry(), "not given");
            case "brandVoice" -> or(brief.profile().brandVoice(), "clear, friendly and plain-spoken");
            case "instructions" -> or(brief.request().additionalInstructions(), "none");
            case "outline" -> outline == null ? "" : outlineText(outline);
            case "draft" -> draft == null ? "" : draft;
            case "embeds" -> embeds(brief);
            case "ctas" -> ctas(brief.ctas());
            case "length" -> brief.request().options().wordCountTarget() == null ? "as long as the outline needs"
                    : "about " + String.format(java.util.Locale.ROOT, "%,d", brief.request().options().wordCountTarget())
                    + " words in all";
            default -> throw new IllegalStateException("prompt slot {{" + name + "}} has no value");
        };
    }

    private static String outlineText(Outline outline) {
        var out = new StringBuilder();
        for (Outline.Section s : outline.sections()) {
            out.append("- ").append(s.heading()).append(": ").append(String.join("; ", s.points())).append('\n');
        }
        return out.toString();
    }

    /** The embeds, by placeholder, so the model can place them where they fit; only indexes that exist. */
    private static String embeds(Brief brief) {
        List<String> lines = new ArrayList<>();
        List<Tweet> tweets = brief.embeds().tweets();
        for (int i = 0; i < tweets.size(); i++) lines.add("[TWEET:" + i + "] a post by " + tweets.get(i).author()
                + ": \"" + tweets.get(i).text() + "\"");
        List<Article> articles = brief.embeds().articles();
        for (int i = 0; i < articles.size(); i++) lines.add("[ARTICLE:" + i + "] an article: " + articles.get(i).title());
        List<Video> videos = brief.embeds().videos();
        for (int i = 0; i < videos.size(); i++) lines.add("[VIDEO:" + i + "] a video: " + videos.get(i).title());
        if (lines.isEmpty()) return "";
        return "Place each of these on a line of its own, after a sentence that leads into it, where it fits:\n"
                + String.join("\n", lines);
    }

    private static String ctas(List<Cta> ctas) {
        if (ctas.isEmpty()) return "";
        var out = new StringBuilder("Include these calls to action as bold Markdown links, at their placement:\n");
        for (Cta c : ctas) {
            out.append("- \"").append(c.text()).append("\" → ").append(c.href() == null ? "(no link)" : c.href())
                    .append(", placement: ").append(c.placement()).append('\n');
        }
        return out.toString();
    }

    private static String or(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }

    private static String load(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("prompt " + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
