package dev.postwright.seo.fix;

import dev.postwright.render.Slugs;
import dev.postwright.seo.checks.KeyphraseInSlug;
import dev.postwright.seo.checks.MetaDescriptionLength;
import dev.postwright.seo.checks.ParagraphLength;
import dev.postwright.seo.checks.SingleH1;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.seo.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixes worked out without a model, so they work offline: each returns the span's new text.
 * They only move, cut or reuse the writer's own words; none writes new ones. Stateless.
 */
final class MechanicalFixes {
    /** The meta description lengths the length check calls good. */
    static final int META_MIN = 121;
    static final int META_MAX = 156;
    /** The longest paragraph the paragraph length check calls good. */
    private static final int PARAGRAPH_MAX = 150;
    /** A sentence ends at . ! or ? (and a closing quote or bracket) before white space. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)*_]*\\s+");

    private MechanicalFixes() {}

    static String replacement(FixOffer offer, PostFields post, Span span) throws FixFailure {
        return switch (offer.checkId()) {
            case MetaDescriptionLength.ID -> metaDescription(post);
            case KeyphraseInSlug.ID -> slug(post);
            case SingleH1.ID -> oneH1(post.markdown());
            case ParagraphLength.ID -> split(span.text());
            default -> throw new IllegalArgumentException("No mechanical fix for " + offer.checkId());
        };
    }

    /**
     * A description of 121-156 characters from the one there is and the post's opening sentences:
     * a long one is cut after its last whole sentence that fits (or word, with an ellipsis), a
     * short one is followed by the post's first sentences that it does not hold already.
     */
    static String metaDescription(PostFields post) throws FixFailure {
        var text = new StringBuilder(post.metaDescription().strip());
        for (Sentence s : PostTexts.of(post.markdown(), post.meta()).sentences()) {
            if (text.length() >= META_MIN) break;
            String sentence = s.text().strip();
            if (sentence.isEmpty() || text.indexOf(sentence) >= 0) continue;
            if (!text.isEmpty()) text.append(' ');
            text.append(sentence);
        }
        if (text.isEmpty()) throw new FixFailure("The post has no sentences to make a meta description from yet.");
        return fit(text.toString());
    }

    /** {@code text} cut to at most 156 characters, at a sentence's end when that leaves 121 or more. */
    static String fit(String text) {
        if (text.length() <= META_MAX) return text;
        int sentenceCut = -1;
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) {
            int end = text.substring(0, m.end()).stripTrailing().length(); // the stop and its closing quote
            if (end > META_MAX) break;
            sentenceCut = end;
        }
        if (sentenceCut >= META_MIN) return text.substring(0, sentenceCut);
        int space = text.lastIndexOf(' ', META_MAX - 1);
        String cut = text.substring(0, space > META_MIN ? space : META_MAX - 1).stripTrailing();
        return cut.replaceAll("[,;:.\\-–—]+$", "") + "…";
    }

    private static String slug(PostFields post) throws FixFailure {
        String slug = Slugs.of(post.keyphrase());
        if (slug.isEmpty()) throw new FixFailure("Set a focus keyphrase first: the slug is made from it.");
        return slug;
    }

    /** Every H1 of the body after the first made an H2 (an ATX "# " gets a second mark, a setext "===" becomes "---"). */
    static String oneH1(String markdown) throws FixFailure {
        List<Span> h1s = Blocks.of(markdown).stream().filter(b -> b.level() == 1).map(Blocks.Block::span).toList();
        if (h1s.size() < 2) throw new FixFailure("The post has at most one H1 heading already.");
        var out = new StringBuilder(markdown);
        for (int i = h1s.size() - 1; i >= 1; i--) {
            Span h = h1s.get(i);
            String demoted = h.text().stripLeading().startsWith("#")
                    ? h.text().replaceFirst("#", "##")
                    : h.text().replaceFirst("\\n\\s*=+\\s*$", "\n" + "-".repeat(3));
            out.replace(h.start(), h.end(), demoted);
        }
        return out.toString();
    }

    /**
     * The paragraph as two or more, split between sentences into parts of about equal length,
     * none over 150 words where the sentences allow it. Never inside a link, code or emphasis.
     */
    static String split(String paragraph) throws FixFailure {
        List<String> sentences = sentences(paragraph);
        int words = PostTexts.wordCount(paragraph);
        int parts = (words + PARAGRAPH_MAX - 1) / PARAGRAPH_MAX;
        if (sentences.size() < 2 || parts < 2) {
            throw new FixFailure("The paragraph is one long sentence; it needs rewriting by hand, not splitting.");
        }
        int target = (words + parts - 1) / parts;
        List<String> out = new ArrayList<>();
        var current = new StringBuilder();
        int inCurrent = 0;
        for (String s : sentences) {
            int n = PostTexts.wordCount(s);
            if (inCurrent > 0 && (inCurrent + n > PARAGRAPH_MAX || inCurrent >= target)) {
                out.add(current.toString().strip());
                current.setLength(0);
                inCurrent = 0;
            }
            current.append(s);
            inCurrent += n;
        }
        out.add(current.toString().strip());
        return String.join("\n\n", out);
    }

    /** The paragraph's sentences with the space after each; a sentence end inside brackets or code is not one. */
    private static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(paragraph);
        int from = 0;
        while (m.find()) {
            if (!balanced(paragraph.substring(from, m.end()))) continue;
            out.add(paragraph.substring(from, m.end()).replace('\n', ' '));
            from = m.end();
        }
        if (from < paragraph.length()) out.add(paragraph.substring(from).replace('\n', ' '));
        return out;
    }

    private static boolean balanced(String text) {
        int square = 0;
        int round = 0;
        int ticks = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case '[' -> square++;
                case ']' -> square--;
                case '(' -> round++;
                case ')' -> round--;
                case '`' -> ticks++;
                default -> { }
            }
        }
        return square == 0 && round == 0 && ticks % 2 == 0;
    }
}
