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
 * outline's sections, embeds where the text leads into them, calls to action at their placement,
 * a conclusion and an FAQ. Its prose is short, active and varied (no sentence frame more than
 * twice, {@link Frames}), so the scaffold itself passes the readability checks. Everything addressed
 * to the writer (what to cover, the brief's instructions, what only they can say) is a marked
 * writer's note, never body text, and the scaffold states no facts it cannot know. Each of the
 * brief's keywords gets a paragraph in the section it fits best.
 */
final class OfflineDraft {
    private static final String NOTE = "_Writer's note: ";
    private static final int MAX_KEYWORD_PARAGRAPHS = 10;
    private final Brief brief;
    private final Outline outline;
    private final Variants variants;
    private final Frames frames;
    private final String kp;
    /** The keyphrase as a noun phrase: "learning to paint kitchen cabinets" for a how-to's "paint kitchen cabinets". */
    private final String topic;
    private final boolean verbPhrase;
    private final String audience;
    private final Instructions instructions;
    private final StringBuilder out = new StringBuilder(8 * 1024);
    private int keywordParagraphs;

    private OfflineDraft(Brief brief, Outline outline) {
        this.brief = brief;
        this.outline = outline;
        this.variants = new Variants(brief.title() + "|" + brief.focusKeyphrase());
        this.frames = new Frames(variants);
        this.kp = inSentence(brief.focusKeyphrase());
        this.verbPhrase = brief.title().toLowerCase(Locale.ROOT).startsWith("how to " + kp.toLowerCase(Locale.ROOT));
        this.topic = verbPhrase ? "learning to " + kp : kp;
        this.audience = inSentence(brief.audience());
        this.instructions = Instructions.of(brief.request().additionalInstructions());
    }

    static String write(Brief brief, Outline outline) {
        return new OfflineDraft(brief, outline).compose();
    }

    private String compose() {
        out.append("# ").append(outline.title()).append("\n\n");
        introduction();
        ctas("after-intro", "beginning", "top", "start");
        List<String> headings = outline.sections().stream().map(Outline.Section::heading).toList();
        var placements = EmbedPlacements.spread(brief.embeds(), headings.size());
        // A keyword paragraph each for the first ten (five frames, each used at most twice); every
        // keyword is also named in its section's writer's note.
        List<List<String>> keywords = byBestSection(brief.keywords().stream().map(Words::inSentence).toList(), headings);
        List<List<String>> notes = byBestSection(instructions.notes(), headings);
        for (int i = 0; i < headings.size(); i++) {
            section(outline.sections().get(i), i, placements.get(i), keywords.get(i), notes.get(i));
            if (i == 1) ctas("inline", "middle", "mid-post");
        }
        conclusion();
        ctas("end-of-post", "end", "bottom", "conclusion");
        faq();
        return out.toString().stripTrailing() + "\n";
    }

    /** Each item goes to the section whose heading it shares most words with; without any, to the sections in turn. */
    private static List<List<String>> byBestSection(List<String> items, List<String> headings) {
        List<List<String>> bySection = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) bySection.add(new ArrayList<>());
        for (int i = 0; i < items.size(); i++) {
            int best = Instructions.bestSection(items.get(i), headings);
            bySection.get(best >= 0 ? best : i % headings.size()).add(items.get(i));
        }
        return bySection;
    }

    private void introduction() {
        paragraph(variants.pick("If you are one of the many " + audience + " curious about " + topic
                        + ", this post is for you.", "This post is for " + audience + " who want to know more about "
                        + topic + "."),
                variants.pick("It covers what matters most, step by step, in plain words.",
                        "It walks through the essentials in a clear order."),
                "By the end, you will know where to start and what to skip.", relatedTopics());
        if (brief.request().options().includeVisuals()) {
            out.append("![IMAGE:featured:").append(capitalized(kp)).append(" for ").append(audience).append("]\n\n");
        }
    }

    /** "Along the way, it touches on starter and levain." for the brief's other keywords, if any. */
    private String relatedTopics() {
        List<String> keywords = brief.keywords().stream().map(Words::inSentence).limit(4).toList();
        if (keywords.isEmpty()) return null;
        String joined = keywords.size() == 1 ? keywords.getFirst()
                : String.join(", ", keywords.subList(0, keywords.size() - 1)) + " and " + keywords.getLast();
        return "Along the way, it touches on " + joined + ".";
    }

    private void section(Outline.Section section, int index, List<String> embeds, List<String> keywords,
                         List<String> notes) {
        out.append("## ").append(section.heading()).append("\n\n");
        List<String> points = section.points();
        String first = points.getFirst();
        String second = points.size() > 1 ? points.get(1) : "what comes next";
        // Frames take the point as an object, so they read right whether it is singular or plural.
        paragraph(frames.next("opening", "A good place to begin is %s.", "Everything else in this part rests on %s.",
                        "This part opens with %s.", "The first thing to get clear is %s.",
                        "It pays to look at %s early.").formatted(first),
                frames.next("pace", "It is easy to rush this, so take it slowly.",
                        "Small details matter here more than they seem.", "Keep it simple at first.",
                        "Get this part steady before moving on.", "A little care here pays back later."));
        if (outline.kind().equals("comparison") && section.heading().contains(" vs ")) comparisonTable();
        if (outline.kind().equals("how-to")) bullets(points);
        paragraph(frames.next("second", "From there, the focus moves to %s.", "Then comes %s.",
                        "Next in line is a look at %s.", "After that, it is time to think about %s.",
                        "This part closes with %s.").formatted(second),
                // The keyphrase every other section, unless its heading says it already: enough to
                // keep it present, never so often that the density check calls it stuffing.
                index % 2 == 1 && !section.heading().toLowerCase(Locale.ROOT).contains(kp.toLowerCase(Locale.ROOT))
                        ? frames.next("keyphrase", "This is where %s pays off, so keep it concrete.",
                                "Here %s starts to show its value.", "At this point, %s matters most.",
                                "This step is the heart of %s.").formatted(topic)
                        : frames.next("result", "As a result, readers know what to expect.",
                                "That way, nothing important gets skipped.",
                                "Done well, this part makes the next one easier.",
                                "With that in place, the rest falls into order.",
                                "Each piece here makes the next one simpler."));
        for (String keyword : keywords) {
            if (++keywordParagraphs > MAX_KEYWORD_PARAGRAPHS) break;
            paragraph(frames.next("keyword", "There is a place for %s here as well.", "This step also touches on %s.",
                    "This is also the place for %s.", "It helps to bring %s into this step.",
                    "Here, %s comes into the picture.").formatted(keyword));
        }
        note(frames.next("cover", "explain %s and %s in your own words", "say what %s and %s look like in practice",
                "walk readers through %s, then %s", "describe %s and %s as you have seen them",
                "show %s and %s with a case you know well")
                .formatted(first, second) + "; " + frames.next("prompt", "add an example from your own work.",
                "add a number or result that backs this up.", "add a short story a reader will remember.",
                "link to a source that supports this.", "add a photo or screenshot that shows it.")
                + keywords.stream().map(k -> " Show how " + k + " fits in.").reduce("", String::concat));
        for (String instruction : notes) note("the brief asks: " + instruction.replaceAll("[_*]", ""));
        for (String embed : embeds) {
            out.append(leadIn(embed)).append("\n\n").append(embed).append("\n\n");
        }
    }

    /** A note to the writer, set apart in italics so nobody mistakes it for the post's text. */
    private void note(String text) {
        out.append(NOTE).append(text.strip()).append("_\n\n");
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
        paragraph(frames.next("closing", "%s does not have to be hard.", "%s gets easier with each try.",
                        "%s is a skill that grows with practice.", "With %s, steady steps beat big leaps.")
                        .formatted(topic).transform(Words::capitalized),
                "Pick one idea from this post and try it this week.",
                "Then come back to the rest when you are ready.");
    }

    private void faq() {
        out.append("## Frequently asked questions\n\n");
        out.append(verbPhrase ? "### What does it take to " + kp + "?\n\n" : "### What is " + kp + "?\n\n");
        paragraph("In short, " + topic + " is about " + describe() + ".", "The sections above show what that looks like.");
        note("give a one-sentence definition in your own words.");
        out.append("### How long does it take to see results?\n\n");
        paragraph("It depends on where you start and how much time you give it.");
        note("answer from your own experience, with a real time frame; promise nothing you cannot back up.");
        out.append("### Is ").append(topic).append(" right for me?\n\n");
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
