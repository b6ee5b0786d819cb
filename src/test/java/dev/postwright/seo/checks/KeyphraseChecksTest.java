package dev.postwright.seo.checks;

import static dev.postwright.seo.Posts.post;
import static dev.postwright.seo.Posts.sentences;
import static dev.postwright.seo.Posts.words;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.Posts;
import dev.postwright.seo.text.PostText;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyphrase checks at each band of seo-checks.md. */
class KeyphraseChecksTest {
    static final String KEYPHRASE = "sourdough bread";
    /** Ten words, holding the keyphrase once. */
    static final String KEY_SENTENCE = "Sourdough bread rewards bakers who wait for a lively starter.";

    static int score(SeoCheck check, PostText post) {
        return check.assess(post).orElseThrow().score();
    }

    static String keySentences(int n) {
        return (KEY_SENTENCE + " ").repeat(n).strip();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sourdough bread rewards patience. Other things follow.| 9",
            "Bread rewards patience. Sourdough needs a starter.     | 6",
            "Rye rewards patience. Nothing else is needed.          | 3"})
    void keyphraseInIntroduction(String firstParagraph, int expected) {
        var post = post(firstParagraph + "\n\n" + KEY_SENTENCE, KEYPHRASE);
        assertThat(score(new KeyphraseInIntroduction(), post)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({"bread, 9", "how to bake sourdough bread at home, 9", "one two three four five, 6",
            "one two three four five six seven eight, 6", "one two three four five six seven eight nine, 3", "'', 1"})
    void keyphraseLength(String keyphrase, int expected) {
        assertThat(score(new KeyphraseLength(), post(words(50), keyphrase))).isEqualTo(expected);
    }

    /**
     * 300 words in 30 sentences, {@code matches} of them holding the two-word keyphrase, whose
     * density is weighted by 0.7 + 2/3: six uses are 2.7 % (good), seven 3.2 % and eight 3.6 %
     * (over-optimised), nine 4.1 % (stuffing); a single use is too few however short the text.
     */
    @ParameterizedTest(name = "{0} of 300 words → {1}")
    @CsvSource({"0, 4", "1, 4", "2, 9", "6, 9", "7, -10", "8, -10", "9, -50", "13, -50"})
    void keyphraseDensity(int matches, int expected) {
        var post = post(keySentences(matches) + " " + sentences(30 - matches), KEYPHRASE);
        assertThat(post.wordCount()).isEqualTo(300);
        var verdict = new KeyphraseDensity().assess(post).orElseThrow();
        assertThat(verdict.score()).isEqualTo(expected);
        assertThat(verdict.explanation()).contains(matches + (matches == 1 ? " time" : " times") + " in 300 words");
    }

    @Test
    void densityAdviceNamesTheRange() {
        var verdict = new KeyphraseDensity().assess(post(sentences(40), KEYPHRASE)).orElseThrow();
        assertThat(verdict.explanation()).isEqualTo("The keyphrase appears 0 times in 400 words; use it 2 to 8 times.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "A guide for home bakers.                                                        | 3",
            "Bake sourdough bread at home.                                                   | 9",
            "Bake sourdough bread at home. Sourdough bread keeps for days.                  | 9",
            "Sourdough bread at home. Sourdough bread keeps. Sourdough bread freezes well.   | 3"})
    void keyphraseInMetaDescription(String meta, int expected) {
        assertThat(score(new KeyphraseInMetaDescription(), post(words(50), KEYPHRASE, "", meta, 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of 4 subheadings → {1}")
    @CsvSource({"1, 3", "2, 9", "3, 9", "4, 3"})
    void keyphraseInSubheadings(int reflecting, int expected) {
        var markdown = new StringBuilder(words(20));
        for (int i = 0; i < 4; i++) {
            // "Sourdough bread tips" has both content words; "Sourdough tips" (half) would not count.
            markdown.append("\n\n## ").append(i < reflecting ? "Sourdough bread tips " + i : "Sourdough tips " + i)
                    .append("\n\n").append(words(20));
        }
        assertThat(score(new KeyphraseInSubheadings(), post(markdown.toString(), KEYPHRASE))).isEqualTo(expected);
    }

    @Test
    void withoutSubheadingsAShortTextIsFineAndALongOneIsNot() {
        assertThat(score(new KeyphraseInSubheadings(), post(words(299), KEYPHRASE))).isEqualTo(9);
        assertThat(score(new KeyphraseInSubheadings(), post(words(300), KEYPHRASE))).isEqualTo(2);
    }

    @Test
    void headingsCountInTheDensityAsTheyDoInTheReference() {
        var inHeadings = post("## Sourdough bread basics\n\n" + sentences(15) + "\n\n## More sourdough bread\n\n"
                + sentences(15), KEYPHRASE);
        assertThat(new KeyphraseDensity().assess(inHeadings).orElseThrow().explanation())
                .startsWith("The keyphrase appears 2 times in 306 words");
    }

    @Test
    void aKeyphraseRepeatedInOneSentenceCountsEachTime() {
        var twice = post("Sourdough bread is simple, and sourdough bread keeps. " + sentences(29), KEYPHRASE);
        assertThat(new KeyphraseDensity().assess(twice).orElseThrow().explanation()).startsWith("The keyphrase appears 2 times");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "See [our guide](https://bakery.example/guide) for more.          | 8",
            "See [sourdough bread basics](https://other.example/x) for more.  | 2"})
    void competingLinks(String sentence, int expected) {
        assertThat(score(new CompetingLinks(), post(sentence, KEYPHRASE))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} images, {1} matching → {2}")
    @CsvSource({"0, 0, 3", "1, 0, 6", "1, 1, 9", "4, 1, 9", "5, 1, 6", "5, 2, 9", "5, 3, 9", "5, 4, 6"})
    void keyphraseInImageAlt(int images, int matching, int expected) {
        var markdown = new StringBuilder(words(20));
        for (int i = 0; i < images; i++) {
            String alt = i < matching ? "A sourdough bread loaf" : "An oven";
            // Real images count, the library's as well; a placeholder next to each is only a suggestion and never does.
            markdown.append(i % 2 == 0 ? "\n\n![" + alt + "](img" + i + ".jpg)" : "\n\n![" + alt + "](postwright-image:i" + i + ")");
            markdown.append("\n\n![IMAGE:photo:A sourdough bread loaf]");
        }
        assertThat(score(new KeyphraseInImageAlt(), post(markdown.toString(), KEYPHRASE))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Sourdough Bread for Beginners         | 9",
            "A Beginner's Guide to Sourdough Bread | 6",
            "Bread: a Sourdough Guide              | 6",
            "Rye for Beginners                     | 2"})
    void keyphraseInSeoTitle(String title, int expected) {
        assertThat(score(new KeyphraseInSeoTitle(), post(words(50), KEYPHRASE, title, "", 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in \"{1}\" → {2}")
    @CsvSource({"sourdough bread, sourdough-bread-guide, 9", "sourdough bread, sourdough-guide, 6",
            "sourdough bread, rye-guide, 6", "sourdough bread, '', 3", "two-factor authentication, two-factor-authentication, 9",
            "crusty sourdough bread recipe, crusty-sourdough-bread, 9", "crusty sourdough bread recipe, sourdough-tips, 6"})
    void keyphraseInSlug(String keyphrase, String slug, int expected) {
        assertThat(score(new KeyphraseInSlug(), Posts.withSlug(keyphrase, slug))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "used {0} times before → {1}")
    @CsvSource({"0, 9", "1, 6", "2, 1", "7, 1"})
    void previouslyUsedKeyphrase(int uses, int expected) {
        assertThat(score(new PreviouslyUsedKeyphrase(), post(words(50), KEYPHRASE, "", "", uses))).isEqualTo(expected);
    }

    @Test
    void keyphraseChecksDoNotApplyWithoutAKeyphrase() {
        var post = post(KEY_SENTENCE + "\n\n## Sourdough\n\n![a](b.png) [x](https://a.example)", "", "T", "M", 0);
        for (SeoCheck check : new SeoCheck[] {new KeyphraseInIntroduction(), new KeyphraseDensity(),
                new KeyphraseInMetaDescription(), new KeyphraseInSubheadings(), new CompetingLinks(),
                new KeyphraseInImageAlt(), new KeyphraseInSeoTitle(), new KeyphraseInSlug(),
                new PreviouslyUsedKeyphrase()}) {
            Optional<SeoAnalysis.Check> verdict = check.assess(post);
            assertThat(verdict).as(check.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void pluralsAndCaseStillMatch() {
        var post = post("Sourdough breads are worth the wait. More follows here.", "Sourdough Bread");
        assertThat(score(new KeyphraseInIntroduction(), post)).isEqualTo(9);
    }
}
