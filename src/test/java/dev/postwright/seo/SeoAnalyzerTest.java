package dev.postwright.seo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.SeoAnalysis.Check;
import dev.postwright.model.SeoAnalysis.Rating;
import dev.postwright.seo.text.PostTexts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeoAnalyzerTest {
    private static final String WELL_MADE = """
            # Sourdough bread for beginners

            Sourdough bread is easier than it looks, and this guide walks home bakers through every step. \
            You need flour, water, salt and a lively starter.

            ![IMAGE:featured:A sourdough bread loaf on a board]

            ## Feed your sourdough starter

            %s

            ## Shape and proof

            %s For example, see [the rise study](https://science.example/rise) and [our flour guide](/flour).

            ## Bake the sourdough bread

            %s
            """.formatted(Posts.sentences(12), Posts.sentences(12), Posts.sentences(12));

    @Test
    void aWellMadePostScoresHighAndSaysWhy() {
        var analysis = SeoAnalyzer.standard().analyze(WELL_MADE, new PostTexts.Meta(
                "Sourdough Bread for Beginners: Your First Loaf", "Sourdough bread for beginners: feed a starter, "
                + "shape and proof the dough, and bake a crusty loaf at home in three relaxed days.",
                "sourdough-bread-for-beginners", "sourdough bread", "bakery.example", 0));
        assertThat(analysis.checks()).hasSize(24).extracting(Check::id).doesNotHaveDuplicates();
        assertThat(analysis.overallScore()).isBetween(80, 100);
        assertThat(analysis.topStrengths()).hasSize(3);
        assertThat(analysis.checks()).allSatisfy(c -> assertThat(c.explanation()).endsWith("."));
        assertThat(analysis.checks().stream().filter(c -> c.group().equals("seo"))).hasSize(17);
    }

    @Test
    void aThinPostWithoutKeyphraseScoresLowAndPutsTheWorstFirst() {
        var analysis = SeoAnalyzer.standard().analyze("Just a line.", new PostTexts.Meta("", "", "", "", "", 0));
        // 1 + (-20) + 3 + 3 + 1 + 1 + 8 + 3 over 8 checks of at most 9: 0 %.
        assertThat(analysis.overallScore()).isEqualTo(0);
        assertThat(analysis.topImprovements()).hasSize(3)
                .first().asString().startsWith("The text has 3 words, too few to rank at all");
        assertThat(analysis.checks()).extracting(Check::id).doesNotContain("keyphrase-density");
    }

    @ParameterizedTest(name = "scores {0} → {1}")
    @CsvSource({"'9,9,9', 100", "'9,6,3', 67", "'3,3', 33", "'-20,3', 0", "'9,8', 94"})
    void seoScoreIsTheShareOfTheMaximum(String scores, int expected) {
        List<Check> checks = java.util.Arrays.stream(scores.split(","))
                .map(s -> new Check("x", "seo", Integer.parseInt(s.strip()), "e")).toList();
        assertThat(SeoAnalyzer.seoScore(checks)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"'9,9,9', GOOD", "'6,6', GOOD", "'3,6', OK", "'6,6,6', OK", "'6,6,6,6', PROBLEM", "'3,3', OK", "'3,3,3', PROBLEM",
            "'3,9,9,6', OK"})
    void readabilityCountsThreePerProblemAndTwoPerOk(String scores, Rating expected) {
        List<Check> checks = java.util.Arrays.stream(scores.split(","))
                .map(s -> new Check("x", "readability", Integer.parseInt(s.strip()), "e")).toList();
        assertThat(SeoAnalyzer.readability(checks)).isEqualTo(expected);
    }
}
