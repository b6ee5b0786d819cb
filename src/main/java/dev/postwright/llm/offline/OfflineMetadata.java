package dev.postwright.llm.offline;

import static dev.postwright.llm.offline.Words.capitalized;
import static dev.postwright.llm.offline.Words.inSentence;

import dev.postwright.llm.Brief;
import dev.postwright.llm.PostMetadata;
import dev.postwright.model.Outline;
import dev.postwright.model.PostKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Title, meta description (121-156 characters, keyphrase first), tags, keywords and read time. */
final class OfflineMetadata {
    static final int META_MIN = 121;
    static final int META_MAX = 156;
    private static final int WORDS_PER_MINUTE = 238;

    private OfflineMetadata() {}

    static PostMetadata of(Brief brief, Outline outline, String markdown) {
        String kp = brief.focusKeyphrase();
        String title = outline.title();
        String subtitle = brief.request().topic().subheader();
        if (subtitle == null || subtitle.isBlank()) {
            subtitle = "A practical " + KindTexts.noun(PostKind.ofWireName(outline.kind())) + " for " + inSentence(brief.audience())
                    + ".";
        }
        Set<String> keywords = new LinkedHashSet<>();
        keywords.add(inSentence(kp));
        brief.keywords().forEach(k -> keywords.add(inSentence(k)));
        Set<String> tags = new LinkedHashSet<>(keywords);
        tags.add(outline.kind());
        String industry = brief.profile().industry();
        if (industry != null && !industry.isBlank()) tags.add(inSentence(industry));
        int words = markdown.split("\\s+").length;
        int minutes = Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
        return new PostMetadata(title, subtitle, metaDescription(brief, outline), List.copyOf(tags).subList(0,
                Math.min(6, tags.size())), List.copyOf(keywords), minutes + " min read");
    }

    /** Keyphrase first, then whole sentences added while they fit; padded or cut to 121-156 characters. */
    static String metaDescription(Brief brief, Outline outline) {
        String kp = capitalized(inSentence(brief.focusKeyphrase()));
        String[] sentences = {
                kp + " for " + inSentence(brief.audience()) + ": a practical "
                        + KindTexts.noun(PostKind.ofWireName(outline.kind())) + " in " + outline.sections().size() + " clear sections.",
                " Learn the common mistakes to avoid.",
                " Get answers to the questions people ask most.",
                " Start today."};
        var meta = new StringBuilder(sentences[0]);
        for (int i = 1; i < sentences.length; i++) {
            if (meta.length() + sentences[i].length() <= META_MAX) meta.append(sentences[i]);
        }
        String text = meta.toString();
        if (text.length() < META_MIN) text += " Learn what works and why.";
        if (text.length() > META_MAX) {
            text = text.substring(0, text.lastIndexOf(' ', META_MAX - 1)).replaceAll("[,:;.]$", "") + ".";
        }
        return text;
    }
}
