package dev.postwright.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.llm.Brief;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.model.Article;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Cta;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.Topic;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.text.PostTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineWriterTest {
    private final OfflineWriter writer = new OfflineWriter();
    private final CancellationToken token = new CancellationToken();

    static JobRequest request(String title, String keyphrase, List<Cta> ctas, Embeds embeds) {
        return new JobRequest(new Topic(title, null, "home bakers", keyphrase, List.of("starter")),
                new BusinessInfo("Bakery", "home bakers", "food", null), "org-1", null, JobOptions.DEFAULTS, ctas, embeds);
    }

    private record Written(Brief brief, Outline outline, Draft draft, PostMetadata meta, String streamed) {}

    private Written write(JobRequest request) {
        Brief brief = Brief.of(request, OrganizationProfile.empty("org-1"));
        Outline outline = writer.outline(brief, token);
        var streamed = new StringBuilder();
        Draft draft = writer.draft(brief, outline, streamed::append, token);
        return new Written(brief, outline, draft, writer.metadata(brief, outline, draft.markdown(), token), streamed.toString());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "How to bake sourdough bread at home     | how-to     | sourdough bread",
            "7 ways to keep your starter alive       | list       | sourdough starter",
            "The beginner's guide to rye baking      | guide      | rye baking",
            "Stand mixer vs hand kneading            | comparison | hand kneading",
            "Why slow fermentation tastes better     | article    | slow fermentation"})
    void everyKindOfPostPassesTheStructuralSeoChecks(String title, String kind, String keyphrase) {
        Written w = write(request(title, keyphrase, List.of(), Embeds.NONE));
        assertThat(w.outline().kind()).isEqualTo(kind);
        assertThat(w.outline().sections()).hasSizeBetween(4, 7);
        assertThat(w.meta().metaDescription().length()).isBetween(121, 156);
        assertThat(w.meta().metaDescription().toLowerCase()).contains(keyphrase);
        // The title leads with the keyphrase unless that would cut into the writer's title: here its subject.
        if (!title.startsWith("Why")) assertThat(w.meta().title().toLowerCase()).startsWith(keyphrase);
        else assertThat(w.meta().title()).isEqualTo(title);
        assertThat(w.draft().markdown()).startsWith("# " + w.meta().title() + "\n");
        SeoAnalysis analysis = SeoAnalyzer.standard().analyze(w.draft().markdown(), new PostTexts.Meta(
                w.meta().title(), w.meta().metaDescription(), keyphrase.replace(' ', '-'), keyphrase, "", 0));
        Map<String, SeoAnalysis.Rating> ratings = analysis.checks().stream()
                .collect(Collectors.toMap(SeoAnalysis.Check::id, SeoAnalysis.Check::rating));
        if (!title.startsWith("Why")) assertThat(ratings.get("keyphrase-in-seo-title")).isEqualTo(SeoAnalysis.Rating.GOOD);
        for (String id : List.of("single-h1", "subheading-distribution",
                "keyphrase-in-introduction", "keyphrase-in-meta-description", "meta-description-length", "text-length",
                "keyphrase-density", "keyphrase-in-subheadings", "sentence-length", "paragraph-length")) {
            assertThat(ratings.get(id)).as(id + " for \"" + title + "\"").isEqualTo(SeoAnalysis.Rating.GOOD);
        }
        assertThat(SeoAnalyzer.readability(analysis.checks())).isEqualTo(SeoAnalysis.Rating.GOOD);
    }

    @Test
    void theSameBriefAlwaysGivesTheSameDraftAndTheStreamAddsUpToIt() {
        var request = request("How to bake sourdough bread at home", "sourdough bread", List.of(), Embeds.NONE);
        Written first = write(request);
        Written second = write(request);
        assertThat(second.draft()).isEqualTo(first.draft());
        assertThat(second.meta()).isEqualTo(first.meta());
        assertThat(first.streamed()).isEqualTo(first.draft().markdown());
        assertThat(first.draft().tokensUsed()).isZero();
        assertThat(writer.isScaffold()).isTrue();
    }

    @Test
    void everyEmbedThatExistsIsPlacedOnceWithALeadInAndNoOther() {
        var embeds = new Embeds(List.of(tweet(), tweet()), List.of(article()), List.of(video()));
        String markdown = write(request("How to bake sourdough bread at home", "sourdough bread", List.of(), embeds))
                .draft().markdown();
        List<String> placeholders = Pattern.compile("\\[(TWEET|ARTICLE|VIDEO):\\d+]").matcher(markdown).results()
                .map(r -> r.group()).toList();
        assertThat(placeholders).containsExactlyInAnyOrder("[TWEET:0]", "[TWEET:1]", "[ARTICLE:0]", "[VIDEO:0]");
        assertThat(markdown).contains("Here is how one practitioner put it:\n\n[TWEET:0]")
                .contains("Recent coverage adds useful context:\n\n[ARTICLE:0]")
                .contains("this video walks through it:\n\n[VIDEO:0]");
        String without = write(request("How to bake sourdough bread at home", "sourdough bread", List.of(), Embeds.NONE))
                .draft().markdown();
        assertThat(without).doesNotContainPattern("\\[(TWEET|ARTICLE|VIDEO):");
    }

    @Test
    void callsToActionGoWhereTheirPlacementSays() {
        var ctas = List.of(new Cta("Book a class", "https://crumb.example/classes", "primary", "end-of-post"),
                new Cta("Get the starter kit", "https://crumb.example/kit", null, "inline"),
                new Cta("Join the newsletter", null, null, "after-intro"));
        String markdown = write(request("How to bake sourdough bread at home", "sourdough bread", ctas, Embeds.NONE))
                .draft().markdown();
        Function<String, Integer> at = markdown::indexOf;
        assertThat(at.apply("**Join the newsletter**")).isGreaterThan(at.apply("![IMAGE:featured"))
                .isLessThan(at.apply("\n## "));
        int thirdSection = nthIndexOf(markdown, "\n## ", 3);
        assertThat(at.apply("**[Get the starter kit](https://crumb.example/kit)**")).isGreaterThan(nthIndexOf(markdown, "\n## ", 2))
                .isLessThan(thirdSection);
        assertThat(at.apply("**[Book a class](https://crumb.example/classes)**")).isGreaterThan(at.apply("## Conclusion"))
                .isLessThan(at.apply("## Frequently asked questions"));
    }

    @Test
    void theProfilesCallsToActionServeWhenTheBriefHasNone() {
        var profile = new OrganizationProfile("org-1", "Crumb", null, null, null, null,
                List.of(new Cta("Visit the shop", "https://crumb.example/shop", null, "end-of-post")), List.of());
        var request = request("How to bake sourdough bread at home", "sourdough bread", List.of(), Embeds.NONE);
        assertThat(Brief.of(request, profile).ctas()).extracting(Cta::text).containsExactly("Visit the shop");
        var own = request("T", "k", List.of(new Cta("Mine", null, null, null)), Embeds.NONE);
        assertThat(Brief.of(own, profile).ctas()).extracting(Cta::text).containsExactly("Mine");
        assertThat(Brief.of(request("T", null, List.of(), Embeds.NONE), profile).focusKeyphrase()).isEqualTo("starter");
    }

    @Test
    void aComparisonHasATableOfBothSides() {
        String markdown = write(request("Stand mixer vs hand kneading", "hand kneading", List.of(), Embeds.NONE))
                .draft().markdown();
        assertThat(markdown).contains("| | Stand mixer | Hand kneading |");
    }

    @Test
    void aCancelledTokenStopsTheDraft() {
        var cancelled = new CancellationToken();
        cancelled.cancel(CancellationToken.Reason.CANCELLED);
        Brief brief = Brief.of(request("T", "k", List.of(), Embeds.NONE), OrganizationProfile.empty("o"));
        List<String> deltas = new ArrayList<>();
        assertThatThrownBy(() -> writer.draft(brief, writer.outline(brief, token), deltas::add, cancelled))
                .isInstanceOf(JobCancelledException.class);
        assertThat(deltas).isEmpty();
    }

    @Test
    void visualsOfferAFeaturedImageAndOnePerMajorSectionAndAChartWhereThereAreNumbers() {
        var visuals = writer.visuals(Brief.of(request("T", "rye", List.of(), Embeds.NONE), OrganizationProfile.empty("o")),
                "# Rye bread\n\n## Flour\n\nText.\n\n## Timing\n\nIt rises 40% in 6 hours.\n\n## Conclusion\n\nDone.", token);
        assertThat(visuals).extracting(v -> v.type() + ":" + v.placement())
                .containsExactly("featured-image:top", "image:after: Flour", "chart:after: Timing");
        assertThat(visuals.getFirst().title()).isEqualTo("Rye bread");
        assertThat(visuals).allSatisfy(v -> assertThat(v.prompt()).isNotBlank());
        assertThat(visuals).allSatisfy(v -> assertThat(v.altText()).isNotBlank());
    }

    private static int nthIndexOf(String text, String needle, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) at = text.indexOf(needle, at + 1);
        return at;
    }

    private static Tweet tweet() {
        return new Tweet("https://x.com/a/1", "Ann", "ann", "Feed it", null, null, false);
    }

    private static Article article() {
        return new Article("https://news.example/a", "Bread boom", null, "The Crumb", null, null, null, null);
    }

    private static Video video() {
        return new Video("https://video.example/v", "v", "Shaping", null, "Channel", null, null, null, null, null, null);
    }
}
