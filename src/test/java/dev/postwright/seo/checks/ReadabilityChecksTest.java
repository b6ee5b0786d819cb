package dev.postwright.seo.checks;

import static dev.postwright.seo.Posts.post;
import static dev.postwright.seo.Posts.sentences;
import static dev.postwright.seo.Posts.words;
import static dev.postwright.seo.checks.KeyphraseChecksTest.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The readability checks at each band of seo-checks.md. */
class ReadabilityChecksTest {
    /** 25 words, one sentence: "long" by the 20-word rule. */
    static final String LONG = "Bakers who plan their week around long cold fermentation find that the flavour of "
            + "their loaves becomes deeper, tangier and far more interesting over time.";
    /** Ten words, passive. */
    static final String PASSIVE = "The dough was shaped carefully before the final cold proof.";
    /** Ten words, with a transition word. */
    static final String TRANSITION = "However, cold dough keeps its shape better in the oven.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "280,                | 9",
            "301,                | 2",
            "300; 300; 120       | 9",
            "200; 320            | 6",
            "350; 100            | 6",
            "351; 100            | 3",
            "500; 400; 100       | 3"})
    void subheadingDistribution(String sectionSizes, int expected) {
        var markdown = new StringBuilder();
        String[] sizes = sectionSizes.replace(",", "").strip().split(";");
        for (int i = 0; i < sizes.length; i++) {
            if (i > 0 || sizes.length > 1) markdown.append("## Part ").append(i).append("\n\n");
            markdown.append(words(Integer.parseInt(sizes[i].strip()))).append("\n\n");
        }
        assertThat(score(new SubheadingDistribution(), post(markdown.toString()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "longest paragraph {0} words → {1}")
    @CsvSource({"80, 9", "150, 9", "151, 6", "200, 6", "201, 3"})
    void paragraphLength(int longest, int expected) {
        assertThat(score(new ParagraphLength(), post(words(40) + "\n\n" + words(longest)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of 20 sentences long → {1}")
    @CsvSource({"0, 9", "5, 9", "6, 6", "7, 3", "12, 3"})
    void sentenceLength(int longSentences, int expected) {
        String text = (LONG + " ").repeat(longSentences) + sentences(20 - longSentences);
        assertThat(score(new SentenceLength(), post(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in a row → {1}")
    @CsvSource({"1, 9", "2, 9", "3, 3", "5, 3"})
    void consecutiveSentenceBeginnings(int run, int expected) {
        String same = "Bakers knead the dough. ".repeat(run);
        assertThat(score(new ConsecutiveSentenceBeginnings(), post(sentences(3) + " " + same + sentences(3))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of 20 passive → {1}")
    @CsvSource({"0, 9", "2, 9", "3, 6", "4, 3", "10, 3"})
    void passiveVoice(int passive, int expected) {
        String text = (PASSIVE + " ").repeat(passive) + sentences(20 - passive);
        assertThat(score(new PassiveSentences(), post(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of 30 with transitions → {1}")
    @CsvSource({"9, 9", "12, 9", "8, 6", "6, 6", "5, 3", "0, 3"})
    void transitionWords(int with, int expected) {
        String text = (TRANSITION + " ").repeat(with) + sentences(30 - with);
        assertThat(score(new TransitionWordUse(), post(text))).isEqualTo(expected);
    }

    @Test
    void textsUnder200WordsNeedNoTransitionWords() {
        assertThat(new TransitionWordUse().assess(post(sentences(19))).orElseThrow().score()).isEqualTo(9);
        assertThat(new TransitionWordUse().assess(post(sentences(20))).orElseThrow().score()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} words, {1} sentences, {2} syllables → {3}")
    @CsvSource({"100, 10, 130, 86.7", "100, 5, 150, 59.6", "100, 4, 160, 46.1"})
    void fleschFormula(int words, int sentences, int syllables, double expected) {
        assertThat(FleschReadingEase.score(words, sentences, syllables)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"80, 9", "60, 9", "59.9, 6", "50, 6", "49.9, 3", "10, 3"})
    void fleschBandsAtTheirBoundaries(double score, int expected) {
        assertThat(FleschReadingEase.verdict(score).orElseThrow().score()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The cat sat on the mat. The dog ran to the park. We ate a big red plum.                    | 9",
            "Fermentation transforms carbohydrates, producing aromatic compounds and organic acids.  | 3"})
    void fleschBands(String text, int expected) {
        assertThat(score(new FleschReadingEase(), post(text))).isEqualTo(expected);
    }
}
