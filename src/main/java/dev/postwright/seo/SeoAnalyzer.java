package dev.postwright.seo;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.SeoAnalysis.Check;
import dev.postwright.model.SeoAnalysis.Rating;
import dev.postwright.seo.checks.CompetingLinks;
import dev.postwright.seo.checks.ConsecutiveSentenceBeginnings;
import dev.postwright.seo.checks.FleschReadingEase;
import dev.postwright.seo.checks.ImagesPresent;
import dev.postwright.seo.checks.InternalLinks;
import dev.postwright.seo.checks.KeyphraseDensity;
import dev.postwright.seo.checks.KeyphraseInImageAlt;
import dev.postwright.seo.checks.KeyphraseInIntroduction;
import dev.postwright.seo.checks.KeyphraseInMetaDescription;
import dev.postwright.seo.checks.KeyphraseInSeoTitle;
import dev.postwright.seo.checks.KeyphraseInSlug;
import dev.postwright.seo.checks.KeyphraseInSubheadings;
import dev.postwright.seo.checks.KeyphraseLength;
import dev.postwright.seo.checks.MetaDescriptionLength;
import dev.postwright.seo.checks.OutboundLinks;
import dev.postwright.seo.checks.ParagraphLength;
import dev.postwright.seo.checks.PassiveSentences;
import dev.postwright.seo.checks.PreviouslyUsedKeyphrase;
import dev.postwright.seo.checks.SeoCheck;
import dev.postwright.seo.checks.SentenceLength;
import dev.postwright.seo.checks.SeoTitleWidth;
import dev.postwright.seo.checks.SingleH1;
import dev.postwright.seo.checks.SubheadingDistribution;
import dev.postwright.seo.checks.TextLength;
import dev.postwright.seo.checks.TransitionWordUse;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.PostTexts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On-page SEO and readability analysis, offline, with the checks and thresholds writers know from
 * the reference analysis ({@code shared/spec/seo-checks.md}). Configured once, thread-safe, and
 * cheap enough to run again on every edit (off the UI thread).
 *
 * <p>A writer may leave checks out ({@link #without}): the analysis then neither shows nor counts
 * them, so the SEO score is over the SEO checks that remain and apply.
 */
public final class SeoAnalyzer {
    private static final int TOP = 3;
    private final List<SeoCheck> checks;

    public SeoAnalyzer(List<SeoCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Every check of the specification. */
    public static SeoAnalyzer standard() {
        return new SeoAnalyzer(List.of(
                new KeyphraseInIntroduction(), new KeyphraseLength(), new KeyphraseDensity(),
                new KeyphraseInMetaDescription(), new KeyphraseInSubheadings(), new CompetingLinks(),
                new KeyphraseInImageAlt(), new KeyphraseInSeoTitle(), new KeyphraseInSlug(),
                new PreviouslyUsedKeyphrase(), new TextLength(), new OutboundLinks(), new InternalLinks(),
                new SeoTitleWidth(), new MetaDescriptionLength(), new SingleH1(), new ImagesPresent(),
                new SubheadingDistribution(), new ParagraphLength(), new SentenceLength(),
                new ConsecutiveSentenceBeginnings(), new PassiveSentences(), new TransitionWordUse(),
                new FleschReadingEase()));
    }

    /** The checks this analyzer runs, in the order it reports them. */
    public List<SeoCheck> checks() {
        return checks;
    }

    /**
     * This analyzer without the checks whose {@link SeoCheck#id ids} are in {@code ids}; ids of no
     * check here are ignored (a check a later version dropped, a typo in a hand-edited file). The
     * overall score of its analyses is over the SEO checks that remain: leaving out a poor check
     * raises it, a good one lowers it, and leaving out every SEO check makes it 0.
     */
    public SeoAnalyzer without(Set<String> ids) {
        if (ids.isEmpty()) return this;
        return new SeoAnalyzer(checks.stream().filter(c -> !ids.contains(c.id())).toList());
    }

    public SeoAnalysis analyze(String markdown, PostTexts.Meta meta) {
        return analyze(PostTexts.of(markdown, meta));
    }

    /**
     * Runs every check of this analyzer that applies. {@code overallScore} is the SEO score,
     * round(Σ scores / (n · 9) · 100) over its SEO checks that apply (none left out with
     * {@link #without}), clamped to 0-100; strengths and improvements are the
     * explanations of the best and the worst checks.
     */
    public SeoAnalysis analyze(PostText post) {
        List<Check> results = new ArrayList<>(checks.size());
        for (SeoCheck check : checks) check.assess(post).ifPresent(results::add);
        return new SeoAnalysis(seoScore(results), strengths(results), improvements(results), null, Map.of(), results);
    }

    /**
     * {@code analysis} as {@link #without without(ids)} would have made it: the checks of
     * {@code ids} dropped, the score, strengths and improvements worked out again from the rest
     * (each check is judged on its own, so nothing else changes). For an analysis already made,
     * such as a finished job's; one without checks of its own (a remote server's) is returned as it is.
     */
    public static SeoAnalysis leaveOut(SeoAnalysis analysis, Set<String> ids) {
        if (analysis == null || ids.isEmpty() || analysis.checks().stream().noneMatch(c -> ids.contains(c.id()))) {
            return analysis;
        }
        List<Check> rest = analysis.checks().stream().filter(c -> !ids.contains(c.id())).toList();
        return new SeoAnalysis(seoScore(rest), strengths(rest), improvements(rest), analysis.aiSummary(),
                analysis.sections(), rest);
    }

    static int seoScore(List<Check> results) {
        List<Check> seo = results.stream().filter(c -> c.group().equals("seo")).toList();
        if (seo.isEmpty()) return 0;
        double sum = seo.stream().mapToInt(Check::score).sum();
        return (int) Math.max(0, Math.min(100, Math.round(sum / (seo.size() * 9.0) * 100)));
    }

    /**
     * The readability verdict: each problem counts 3 points and each "ok" 2; more than 6 points is
     * a problem, more than 4 is ok, less is good.
     */
    public static Rating readability(List<Check> results) {
        int points = 0;
        for (Check c : results) {
            if (!c.group().equals("readability")) continue;
            points += switch (c.rating()) {
                case PROBLEM -> 3;
                case OK -> 2;
                case GOOD -> 0;
            };
        }
        return points > 6 ? Rating.PROBLEM : points > 4 ? Rating.OK : Rating.GOOD;
    }

    private static List<String> strengths(List<Check> results) {
        return results.stream().filter(c -> c.rating() == Rating.GOOD).limit(TOP).map(Check::explanation).toList();
    }

    private static List<String> improvements(List<Check> results) {
        return results.stream().filter(c -> c.rating() != Rating.GOOD)
                .sorted(Comparator.comparingInt(Check::score)).limit(TOP).map(Check::explanation).toList();
    }
}
