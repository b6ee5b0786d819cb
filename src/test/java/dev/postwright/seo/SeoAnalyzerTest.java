package dev.postwright.seo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.SeoAnalysis.Check;
import dev.postwright.model.SeoAnalysis.Rating;
import dev.postwright.seo.text.PostTexts;
import java.util.List;
import java.util.Set;
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

    @Test
    void checksLeftOutAreNeitherShownNorCounted() {
        var meta = new PostTexts.Meta("", "", "", "", "", 0);
        var all = SeoAnalyzer.standard().analyze("Just a line.", meta);
        var without = SeoAnalyzer.standard().without(Set.of("text-length", "single-h1")).analyze("Just a line.", meta);
        assertThat(without.checks()).extracting(Check::id).doesNotContain("text-length", "single-h1")
                .hasSize(all.checks().size() - 2);
        // 1 + 3 + 3 + 1 + 1 + 3 over the 6 SEO checks left of at most 9: 12 / 54 = 22 %.
        assertThat(without.overallScore()).isEqualTo(22);
        assertThat(all.overallScore()).isEqualTo(0);
        assertThat(without.topImprovements()).noneMatch(s -> s.startsWith("The text has 3 words"));
    }

    @Test
    void leavingOutAGoodCheckLowersTheScoreAndEverySeoCheckMakesItZero() {
        var meta = new PostTexts.Meta("Sourdough Bread for Beginners: Your First Loaf", "", "sourdough-bread-for-beginners",
                "sourdough bread", "bakery.example", 0);
        var analyzer = SeoAnalyzer.standard();
        var all = analyzer.analyze(WELL_MADE, meta);
        var seoIds = all.checks().stream().filter(c -> c.group().equals("seo")).map(Check::id)
                .collect(java.util.stream.Collectors.toSet());
        var good = all.checks().stream().filter(c -> c.group().equals("seo") && c.score() == 9).findFirst().orElseThrow();
        var without = analyzer.without(Set.of(good.id())).analyze(WELL_MADE, meta);
        List<Check> rest = all.checks().stream().filter(c -> !c.id().equals(good.id())).toList();
        assertThat(without.overallScore()).isEqualTo(SeoAnalyzer.seoScore(rest)).isLessThan(all.overallScore());
        var readabilityOnly = analyzer.without(seoIds).analyze(WELL_MADE, meta);
        assertThat(readabilityOnly.overallScore()).isZero();
        assertThat(readabilityOnly.checks()).isNotEmpty().allMatch(c -> c.group().equals("readability"));
    }

    @Test
    void anAnalysisMadeAlreadyLeavesChecksOutAsTheAnalyzerWithoutThemWould() {
        var meta = new PostTexts.Meta("Sourdough Bread for Beginners: Your First Loaf", "", "sourdough-bread-for-beginners",
                "sourdough bread", "bakery.example", 0);
        var all = SeoAnalyzer.standard().analyze(WELL_MADE, meta);
        for (Set<String> off : List.of(Set.of("meta-description-length"), Set.of("single-h1", "passive-voice", "images"),
                Set.of("keyphrase-in-introduction", "transition-words"))) {
            assertThat(SeoAnalyzer.leaveOut(all, off)).as("without %s", off)
                    .isEqualTo(SeoAnalyzer.standard().without(off).analyze(WELL_MADE, meta));
        }
        assertThat(SeoAnalyzer.leaveOut(all, Set.of("no-such-check"))).isSameAs(all);
        var remote = new dev.postwright.model.SeoAnalysis(72, List.of("Clear title"), List.of(), "A server's summary.",
                java.util.Map.of(), List.of());
        assertThat(SeoAnalyzer.leaveOut(remote, Set.of("single-h1"))).isSameAs(remote);
    }

    @Test
    void unknownIdsAreIgnoredAndNoneLeavesTheAnalyzerAsItWas() {
        var analyzer = SeoAnalyzer.standard();
        assertThat(analyzer.without(Set.of())).isSameAs(analyzer);
        assertThat(analyzer.without(Set.of("a-check-of-a-later-version")).checks()).hasSize(24);
    }

    @Test
    void everyCheckHasItsOwnIdAndAPlainNameAndReportsUnderItsIdAndGroup() {
        var meta = new PostTexts.Meta("Sourdough Bread for Beginners: Your First Loaf", "Sourdough bread, made simple.",
                "sourdough-bread-for-beginners", "sourdough bread", "bakery.example", 0);
        var post = dev.postwright.seo.text.PostTexts.of(WELL_MADE, meta);
        var checks = SeoAnalyzer.standard().checks();
        assertThat(checks).extracting(c -> c.id()).doesNotHaveDuplicates();
        assertThat(checks).extracting(c -> c.name()).doesNotHaveDuplicates()
                .allMatch(n -> n.length() <= 32 && Character.isUpperCase(n.charAt(0)) && !n.endsWith("."));
        assertThat(checks).allSatisfy(c -> assertThat(c.assess(post)).hasValueSatisfying(v ->
                assertThat(v).extracting(Check::id, Check::group).containsExactly(c.id(), c.group())));
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
