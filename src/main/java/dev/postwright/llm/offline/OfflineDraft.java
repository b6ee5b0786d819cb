package dev.postwright.llm.offline;

import static dev.postwright.llm.offline.Words.capitalized;
import static dev.postwright.llm.offline.Words.inSentence;

import dev.postwright.llm.Brief;
import dev.postwright.model.Outline;
import dev.postwright.model.Cta;
import dev.postwright.model.WebUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Composes the scaffold body: an introduction that names the audience and the keyphrase, the
 * outline's sections with their points, embeds where the text leads into them, calls to action
 * at their placement, a conclusion and an FAQ. Short, active, varied sentences, so the scaffold
 * itself passes the readability checks; each section ends with a note on what to add.
 */
final class OfflineDraft {
    private final Brief brief;
    private final Outline outline;
    private final Variants variants;
    private final String kp;
    private final String audience;
    private final StringBuilder out = new StringBuilder(8 * 1024);

    private OfflineDraft(Brief brief, Outline outline) {
        this.brief = brief;
        this.outline = outline;
        this.variants = new Variants(brief.title() + "|" + brief.focusKeyphrase());
        this.kp = inSentence(brief.focusKeyphrase());
        this.audience = inSentence(brief.audience());
    }

    static String write(Brief brief, Outline outline) {
        return new OfflineDraft(brief, outline).compose();
    }

    private String compose() {
        out.append("# ").append(outline.title()).append("\n\n");
        introduction();
        ctas("after-intro", "beginning", "top", "start");
        var placements = EmbedPlacements.spread(brief.embeds(), outline.sections().size());
        for (int i = 0; i < outline.sections().size(); i++) {
            section(outline.sections().get(i), i, placements.get(i));
            if (i == 1) ctas("inline", "middle", "mid-post");
        }
        conclusion();
        ctas("end-of-post", "end", "bottom", "conclusion");
        faq();
        return out.toString().stripTrailing() + "\n";
    }

    private void introduction() {
        paragraph(variants.pick("If you are one of the many " + audience + " curious about " + kp
                        + ", this post is for you.", "This post is for " + audience + " who want to get " + kp
                        + " right."),
                variants.pick("It covers what matters most, step by step, in plain words.",
                        "It walks through the essentials in a clear order."),
                "By the end, you will know where to start and what to skip.", relatedTopics());
        out.append("![IMAGE:featured:").append(capitalized(kp)).append(" for ").append(audience).append("]\n\n");
    }

    /** "Along the way, it touches on starter and levain." for the brief's other keywords, if any. */
    private String relatedTopics() {
        List<String> keywords = brief.keywords().stream().map(Words::inSentence).limit(4).toList();
        if (keywords.isEmpty()) return null;
        String joined = keywords.size() == 1 ? keywords.getFirst()
                : String.join(", ", keywords.subList(0, keywords.size() - 1)) + " and " + keywords.getLast();
        return "Along the way, it touches on " + joined + ".";
    }

    private void section(Outline.Section section, int index, List<String> embeds) {
        out.append("## ").append(section.heading()).append("\n\n");
        List<String> points = section.points();
        String first = points.getFirst();
        paragraph(variants.pick("Start with " + first + ".", "Think first about " + first + ".",
                        "Look closely at " + first + "."),
                capitalized(audience) + " who get this right save time later, because small choices add up.",
                "For example, note one thing about " + first + " that surprised you at first.");
        if (outline.kind().equals("comparison") && section.heading().contains(" vs ")) comparisonTable();
        if (outline.kind().equals("how-to")) bullets(points);
        String second = points.size() > 1 ? points.get(1) : "the next step";
        paragraph(variants.pick("Next, cover " + second + ".", "Then turn to " + second + ".",
                        "After that, explain " + second + "."),
                index % 2 == 1 ? "This is where " + kp + " pays off, so keep it concrete."
                        : "As a result, readers know what to expect and why it works.",
                "_Writer's note: " + variants.pick("add an example from your own work.",
                        "add a number or result that backs this up.", "add a short story a reader will remember.",
                        "link to a source that supports this.", "add a photo or screenshot that shows it.") + "_");
        for (String embed : embeds) {
            out.append(leadIn(embed)).append("\n\n").append(embed).append("\n\n");
        }
    }

    private void bullets(List<String> points) {
        for (String point : points) out.append("- ").append(capitalized(point)).append('\n');
        out.append('\n');
    }

    private void comparisonTable() {
        String[] sides = KindTexts.sides(brief.title());
        out.append("| | ").append(capitalized(sides[0])).append(" | ").append(capitalized(sides[1])).append(" |\n")
                .append("|---|---|---|\n")
                .append("| Best for | _fill in_ | _fill in_ |\n")
                .append("| Cost | _fill in_ | _fill in_ |\n")
                .append("| Learning curve | _fill in_ | _fill in_ |\n\n");
    }

    private String leadIn(String placeholder) {
        if (placeholder.startsWith("[TWEET")) return "Here is how one practitioner put it:";
        if (placeholder.startsWith("[ARTICLE")) return "Recent coverage adds useful context:";
        return "If you learn better by watching, this video walks through it:";
    }

    private void conclusion() {
        out.append("## Conclusion\n\n");
        paragraph(capitalized(kp) + " does not have to be hard.",
                "Pick one idea from this post and try it this week.",
                "Then come back to the rest when you are ready.");
    }

    private void faq() {
        out.append("## Frequently asked questions\n\n");
        out.append("### What is ").append(kp).append("?\n\n");
        paragraph("In short, " + kp + " is about " + describe() + ".", "The sections above show what that looks like.");
        out.append("### How long does it take to see results?\n\n");
        paragraph("Most " + audience + " notice a difference within a few weeks.", "However, steady practice matters "
                + "more than speed.");
        out.append("### Is ").append(kp).append(" right for me?\n\n");
        paragraph("If the problems in this post sound familiar, it is worth a try.",
                "Start small, and keep what works for you.");
    }

    private String describe() {
        String industry = brief.profile().industry() != null ? brief.profile().industry()
                : brief.request().businessInfo() != null ? brief.request().businessInfo().industry() : null;
        return industry == null || industry.isBlank() ? "getting the basics right and building from there"
                : "getting the basics right, as anyone in " + inSentence(industry) + " would, and building from there";
    }

    private void ctas(String... placements) {
        for (Cta cta : brief.ctas()) {
            if (!List.of(placements).contains(cta.placement().toLowerCase(Locale.ROOT))) continue;
            // The writer's words, not Markdown: a "]" in them must not end the link text.
            String text = cta.text().strip().replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
            // Profile CTAs skip brief validation, so the address is checked here too, and encoded
            // so that nothing in it can close the link and open another.
            boolean linkable = cta.href() != null && WebUrls.isSingleWebUrl(cta.href());
            out.append(linkable ? "**[" + text + "](" + WebUrls.forMarkdown(cta.href()) + ")**" : "**" + text + "**")
                    .append("\n\n");
        }
    }

    private void paragraph(String... sentences) {
        var kept = new ArrayList<String>();
        for (String s : sentences) if (s != null && !s.isBlank()) kept.add(s);
        out.append(String.join(" ", kept)).append("\n\n");
    }
}
