package dev.postwright.seo.fix;

import dev.postwright.seo.checks.ConsecutiveSentenceBeginnings;
import dev.postwright.seo.checks.KeyphraseInIntroduction;
import dev.postwright.seo.checks.KeyphraseInMetaDescription;
import dev.postwright.seo.checks.KeyphraseInSeoTitle;
import dev.postwright.seo.checks.KeyphraseInSlug;
import dev.postwright.seo.checks.KeyphraseInSubheadings;
import dev.postwright.seo.checks.MetaDescriptionLength;
import dev.postwright.seo.checks.ParagraphLength;
import dev.postwright.seo.checks.PassiveSentences;
import dev.postwright.seo.checks.SentenceLength;
import dev.postwright.seo.checks.SeoTitleWidth;
import dev.postwright.seo.checks.SingleH1;
import dev.postwright.seo.checks.TransitionWordUse;
import dev.postwright.seo.text.Keyphrase;
import dev.postwright.seo.text.PassiveVoice;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.Sentence;
import dev.postwright.seo.text.TransitionWords;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Which failing checks a fix can answer, which part of the post each rewrites, and what a model
 * is asked to do with it. A check is answered by a mechanical fix when one does the job as well
 * as a writer would (a length, a slug, a heading level); by a model's rewrite of just the span at
 * fault otherwise, and then only when a model server is configured. Stateless.
 */
public final class SeoFixes {
    /** Sentences longer than this count as long, as the sentence length check counts them. */
    private static final int LONG_SENTENCE = 20;

    private SeoFixes() {}

    /** The fix for {@code checkId}, if there is one with what is configured. */
    public static Optional<FixOffer> offer(String checkId, boolean modelAvailable) {
        Optional<FixOffer> mechanical = switch (checkId) {
            case MetaDescriptionLength.ID -> fix(checkId, Part.META_DESCRIPTION, true, "Fit the meta description");
            case KeyphraseInSlug.ID -> fix(checkId, Part.SLUG, true, "Make the slug from the keyphrase");
            case SingleH1.ID -> fix(checkId, Part.BODY, true, "Make the other H1 headings H2");
            case ParagraphLength.ID -> fix(checkId, Part.PARAGRAPH, true, "Split the longest paragraph");
            default -> Optional.empty();
        };
        if (mechanical.isPresent() || !modelAvailable) return mechanical;
        return switch (checkId) {
            case KeyphraseInIntroduction.ID -> fix(checkId, Part.INTRODUCTION, false, "Rewrite the introduction");
            case KeyphraseInMetaDescription.ID -> fix(checkId, Part.META_DESCRIPTION, false, "Rewrite the meta description");
            case KeyphraseInSeoTitle.ID, SeoTitleWidth.ID -> fix(checkId, Part.TITLE, false, "Rewrite the title");
            case KeyphraseInSubheadings.ID -> fix(checkId, Part.HEADING, false, "Rewrite a subheading");
            case SentenceLength.ID -> fix(checkId, Part.PARAGRAPH, false, "Shorten the sentences of a paragraph");
            case PassiveSentences.ID -> fix(checkId, Part.PARAGRAPH, false, "Rewrite a paragraph in the active voice");
            case ConsecutiveSentenceBeginnings.ID -> fix(checkId, Part.PARAGRAPH, false, "Vary how sentences begin");
            case TransitionWordUse.ID -> fix(checkId, Part.PARAGRAPH, false, "Link a paragraph's sentences");
            default -> Optional.empty();
        };
    }

    /** The span {@code offer} rewrites in {@code post}, or why there is none. */
    static Span locate(FixOffer offer, PostFields post) throws FixFailure {
        return switch (offer.part()) {
            case TITLE, META_DESCRIPTION, SLUG -> Span.whole(offer.part(), post.field(offer.part()));
            case BODY -> Span.whole(Part.BODY, post.markdown());
            case INTRODUCTION -> paragraphs(post).stream().findFirst()
                    .map(b -> new Span(Part.INTRODUCTION, b.span().start(), b.span().end(), b.span().text()))
                    .orElseThrow(() -> new FixFailure("The post has no opening paragraph to rewrite."));
            case HEADING -> subheadingWithout(post);
            case PARAGRAPH -> worstParagraph(offer.checkId(), post);
        };
    }

    /** What the model is asked to do with the span, besides keeping to it. */
    static String instruction(FixOffer offer, PostFields post) {
        String keyphrase = "\"" + post.keyphrase() + "\"";
        return switch (offer.checkId()) {
            case KeyphraseInIntroduction.ID -> "Use the focus keyphrase " + keyphrase + " naturally in the first "
                    + "or second sentence, with its words together in one sentence. Keep the meaning, the facts and "
                    + "about the same length.";
            case KeyphraseInMetaDescription.ID -> "Write a meta description of 121 to 156 characters that uses the "
                    + "focus keyphrase " + keyphrase + " and says what the reader gets from the post.";
            case KeyphraseInSeoTitle.ID -> "Rewrite the title so it begins with the focus keyphrase " + keyphrase
                    + ", in at most 60 characters, keeping what the post promises.";
            case SeoTitleWidth.ID -> "Shorten the title to at most 55 characters, keeping the focus keyphrase "
                    + keyphrase + " and what the post promises.";
            case KeyphraseInSubheadings.ID -> "Rewrite this subheading so it uses the focus keyphrase " + keyphrase
                    + " or its words, keeping what the section is about. Keep the Markdown heading marks.";
            case SentenceLength.ID -> "Rewrite this paragraph so no sentence has more than 20 words. Keep every "
                    + "fact, link and the order of the points.";
            case PassiveSentences.ID -> "Rewrite the sentences in the passive voice in the active voice. Keep every "
                    + "fact, link and the order of the points.";
            case ConsecutiveSentenceBeginnings.ID -> "Vary how the sentences begin, so no three in a row start with "
                    + "the same word. Keep every fact, link and the order of the points.";
            case TransitionWordUse.ID -> "Link the sentences with transition words where they fit (\"because\", "
                    + "\"however\", \"for example\", \"as a result\"), so at least every third sentence has one. "
                    + "Keep every fact, link and the order of the points.";
            default -> "Improve this text for the check " + offer.checkId() + ".";
        };
    }

    private static Optional<FixOffer> fix(String checkId, Part part, boolean mechanical, String action) {
        return Optional.of(new FixOffer(checkId, part, mechanical, action));
    }

    private static List<Blocks.Block> paragraphs(PostFields post) {
        return Blocks.of(post.markdown()).stream().filter(Blocks.Block::isParagraph).toList();
    }

    private static Span subheadingWithout(PostFields post) throws FixFailure {
        Keyphrase keyphrase = Keyphrase.of(post.keyphrase());
        return Blocks.of(post.markdown()).stream()
                .filter(b -> b.level() == 2 || b.level() == 3)
                .filter(b -> !keyphrase.isAllIn(b.span().text()))
                .findFirst().map(Blocks.Block::span)
                .orElseThrow(() -> new FixFailure("Every subheading already names the keyphrase; add a section, or "
                        + "rewrite one by hand."));
    }

    /** The paragraph most at fault for the check: the longest, or the one with most faulty sentences. */
    private static Span worstParagraph(String checkId, PostFields post) throws FixFailure {
        ToIntFunction<PostText> fault = switch (checkId) {
            case ParagraphLength.ID -> PostText::wordCount;
            case SentenceLength.ID -> t -> count(t.sentences(), s -> s.words().size() > LONG_SENTENCE);
            case PassiveSentences.ID -> t -> count(t.sentences(), s -> PassiveVoice.isPassive(s.words()));
            case TransitionWordUse.ID -> t -> count(t.sentences(), s -> !TransitionWords.occurIn(s.words()));
            default -> SeoFixes::longestRunOfOneBeginning;
        };
        return paragraphs(post).stream()
                .map(b -> new Faults(b.span(), fault.applyAsInt(b.text())))
                .filter(p -> p.count() > 0)
                .max(Comparator.comparingInt(Faults::count))
                .map(Faults::span)
                .orElseThrow(() -> new FixFailure("No single paragraph is at fault here; the check counts the "
                        + "whole post."));
    }

    private record Faults(Span span, int count) {}

    private static int count(List<Sentence> sentences, java.util.function.Predicate<Sentence> faulty) {
        return (int) sentences.stream().filter(faulty).count();
    }

    /** The longest run of sentences beginning with one word, when it is three or more; else 0. */
    private static int longestRunOfOneBeginning(PostText text) {
        int run = 0;
        int longest = 0;
        String word = null;
        for (Sentence s : text.sentences()) {
            run = s.firstWord().equals(word) ? run + 1 : 1;
            word = s.firstWord();
            longest = Math.max(longest, run);
        }
        return longest >= 3 ? longest : 0;
    }
}
