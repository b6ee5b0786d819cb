package dev.postwright.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The validation rules behind {@link JobRequest#problems()}. Limits are public for forms. */
public final class BriefRules {
    public static final int MAX_TITLE = 200;
    public static final int MAX_SHORT_TEXT = 500;
    public static final int MAX_INSTRUCTIONS = 20_000;
    public static final int MAX_CTAS = 20;
    public static final int MAX_EMBEDS_PER_KIND = 50;
    public static final int MAX_EMBED_TEXT = 20_000;
    public static final int MAX_KEYWORDS = 30;

    private final List<FieldProblem> problems = new ArrayList<>();

    private BriefRules() {}

    static List<FieldProblem> check(JobRequest request) {
        var rules = new BriefRules();
        rules.checkTopic(request.topic());
        rules.checkBusiness(request.businessInfo());
        if (isBlank(request.organizationId())) {
            rules.add("organizationId", "Choose the organization this post is for.");
        } else {
            rules.limit("organizationId", "the organization id", request.organizationId(), MAX_SHORT_TEXT);
        }
        rules.limit("additionalInstructions", "the additional instructions", request.additionalInstructions(), MAX_INSTRUCTIONS);
        rules.limit("options.status", "the post status", request.options().status(), 40);
        Integer words = request.options().wordCountTarget();
        if (words != null && (words < JobOptions.MIN_WORDS || words > JobOptions.MAX_WORDS)) {
            rules.add("options.wordCountTarget", "Choose a length from " + JobOptions.MIN_WORDS + " to "
                    + String.format("%,d", JobOptions.MAX_WORDS) + " words.");
        }
        rules.checkCtas(request.ctas());
        rules.checkEmbeds(request.embeds());
        return List.copyOf(rules.problems);
    }

    private void checkTopic(Topic topic) {
        if (topic == null || isBlank(topic.title())) {
            add("topic.title", "Give the post a topic title.");
        } else {
            limit("topic.title", "the topic title", topic.title(), MAX_TITLE);
        }
        if (topic == null) return;
        limit("topic.subheader", "the subheader", topic.subheader(), MAX_SHORT_TEXT);
        limit("topic.targetAudience", "the audience", topic.targetAudience(), MAX_SHORT_TEXT);
        limit("topic.focusKeyphrase", "the focus keyphrase", topic.focusKeyphrase(), MAX_TITLE);
        if (topic.keywords().size() > MAX_KEYWORDS) {
            add("topic.keywords", "Use at most " + MAX_KEYWORDS + " keywords; this brief has "
                    + topic.keywords().size() + ".");
        }
    }

    private void checkBusiness(BusinessInfo business) {
        if (business == null) {
            add("businessInfo", "Describe the business this post is for: its type, audience and industry.");
            return;
        }
        limit("businessInfo.businessType", "the business type", business.businessType(), MAX_SHORT_TEXT);
        limit("businessInfo.targetAudience", "the business audience", business.targetAudience(), MAX_SHORT_TEXT);
        limit("businessInfo.industry", "the industry", business.industry(), MAX_SHORT_TEXT);
    }

    private void checkCtas(List<Cta> ctas) {
        if (ctas.size() > MAX_CTAS) {
            add("ctas", "Use at most " + MAX_CTAS + " calls to action; this brief has " + ctas.size() + ".");
            return;
        }
        for (int i = 0; i < ctas.size(); i++) {
            Cta cta = ctas.get(i);
            String field = "ctas[" + i + "]";
            String name = "Call to action " + (i + 1);
            if (isBlank(cta.text())) {
                add(field + ".text", name + " has no text. Add the text or remove it.");
            } else {
                limit(field + ".text", "the text of " + name.toLowerCase(), cta.text(), MAX_SHORT_TEXT);
            }
            if (isBlank(cta.href())) continue;
            if (!WebUrls.isWebAddress(cta.href())) {
                add(field + ".href", "The link of " + name.toLowerCase() + " must start with http:// or https://.");
            } else if (!WebUrls.isSingleWebUrl(cta.href())) {
                add(field + ".href", "The link of " + name.toLowerCase() + " must be one web address, like "
                        + "https://example.com/page, with no spaces, quotes or square brackets in it.");
            }
        }
    }

    private void checkEmbeds(Embeds embeds) {
        checkEmbedList("options.preloadedTweets", "Tweet", embeds.tweets(), Tweet::url, Tweet::text);
        checkEmbedList("options.preloadedArticles", "Article", embeds.articles(), Article::url, Article::content);
        checkEmbedList("options.preloadedVideos", "Video", embeds.videos(), Video::url, Video::description);
    }

    private <T> void checkEmbedList(String field, String kind, List<T> items,
                                    Function<T, String> url, Function<T, String> longText) {
        if (items.size() > MAX_EMBEDS_PER_KIND) {
            add(field, "Embed at most " + MAX_EMBEDS_PER_KIND + " " + kind.toLowerCase() + "s; this brief has "
                    + items.size() + ".");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            String name = kind + " " + (i + 1);
            String link = url.apply(items.get(i));
            if (isBlank(link)) {
                add(at + ".url", name + " has no link. Add its URL or remove it.");
            } else if (!WebUrls.isWebAddress(link)) {
                add(at + ".url", "The link of " + name.toLowerCase() + " must start with http:// or https://.");
            }
            limit(at, "the text of " + name.toLowerCase(), longText.apply(items.get(i)), MAX_EMBED_TEXT);
        }
    }

    private void limit(String field, String what, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "Shorten %s to %,d characters or fewer (now %,d).".formatted(what, max, value.length()));
        }
    }

    private void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
