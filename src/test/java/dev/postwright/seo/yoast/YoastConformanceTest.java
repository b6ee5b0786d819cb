package dev.postwright.seo.yoast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.postwright.model.Embeds;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.render.PostRenderer;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.checks.TitleWidthTest;
import dev.postwright.seo.text.PostTexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Postwright's scores beside Yoast's own: the real {@code yoastseo} package (pinned in
 * {@code src/test/node/package.json}, installed by {@code .ci/run} with {@code npm ci}) scores the
 * same posts, as HTML the way WordPress holds them, and every check that has a counterpart must
 * score what Yoast scores.
 */
class YoastConformanceTest {
    private static final Path NODE_DIR = Path.of("src/test/node");
    private static final String SITE = "crumb.example";
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("!\\[(?:IMAGE|CHART):[^\\]]*]\\n*");
    /** Our check → Yoast's assessment. */
    static final Map<String, String> COUNTERPARTS = Map.ofEntries(
            Map.entry("keyphrase-in-introduction", "introductionKeyword"),
            Map.entry("keyphrase-length", "keyphraseLength"),
            Map.entry("keyphrase-density", "keyphraseDensity"),
            Map.entry("keyphrase-in-meta-description", "metaDescriptionKeyword"),
            Map.entry("meta-description-length", "metaDescriptionLength"),
            Map.entry("keyphrase-in-subheadings", "subheadingsKeyword"),
            Map.entry("competing-links", "textCompetingLinks"),
            Map.entry("keyphrase-in-image-alt", "imageKeyphrase"),
            Map.entry("images", "images"),
            Map.entry("text-length", "textLength"),
            Map.entry("outbound-links", "externalLinks"),
            Map.entry("keyphrase-in-seo-title", "keyphraseInSEOTitle"),
            Map.entry("internal-links", "internalLinks"),
            Map.entry("seo-title-width", "titleWidth"),
            Map.entry("keyphrase-in-slug", "slugKeyword"),
            Map.entry("single-h1", "singleH1"),
            Map.entry("subheading-distribution", "subheadingsTooLong"),
            Map.entry("paragraph-length", "textParagraphTooLong"),
            Map.entry("sentence-length", "textSentenceLength"),
            Map.entry("transition-words", "textTransitionWords"),
            Map.entry("passive-voice", "passiveVoice"),
            Map.entry("consecutive-sentences", "sentenceBeginnings"),
            Map.entry("previously-used-keyphrase", "usedKeywords"));
    /** Yoast's overall SEO score may differ from ours by this much (rounding of checks without a counterpart). */
    private static final int OVERALL_TOLERANCE = 2;

    record Comparison(String post, String check, Integer ours, Integer yoasts) {}

    @Test
    void everyCheckScoresWhatYoastScoresOnTheCorpus() throws Exception {
        assumeTrue(Files.isDirectory(NODE_DIR.resolve("node_modules/yoastseo")),
                "needs node and `npm ci --prefix src/test/node` (.ci/run does both)");
        assumeTrue(TitleWidthTest.fontInstalled(), "needs Debian's fonts-liberation (.ci/run installs it)");
        List<YoastCorpus.Post> corpus = YoastCorpus.all();
        JsonNode yoast = yoast(corpus);
        var analyzer = SeoAnalyzer.standard();
        List<Comparison> differences = new ArrayList<>();
        List<String> overall = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            var post = corpus.get(i);
            JsonNode theirs = yoast.get(i);
            SeoAnalysis ours = analyzer.analyze(post.markdown(), new PostTexts.Meta(post.title(), post.description(),
                    post.slug(), post.keyphrase(), SITE, post.earlierUses()));
            Map<String, Integer> mine = new LinkedHashMap<>();
            for (var c : ours.checks()) mine.put(c.id(), c.score());
            boolean keyphrase = !post.keyphrase().isBlank();
            for (var e : COUNTERPARTS.entrySet()) {
                // Without a keyphrase Yoast marks its keyphrase checks "not set" (keyphrase length −999) and
                // shows no SEO score; the checks that do not need one are compared.
                if (!keyphrase && (e.getKey().contains("keyphrase") || e.getKey().equals("competing-links"))) continue;
                JsonNode group = theirs.get(e.getKey().matches("subheading-distribution|paragraph-length|sentence-length"
                        + "|transition-words|passive-voice|consecutive-sentences") ? "readability" : "seo");
                Integer y = group.has(e.getValue()) ? group.get(e.getValue()).asInt() : null;
                Integer o = mine.get(e.getKey());
                if (!java.util.Objects.equals(o, y)) differences.add(new Comparison(post.id(), e.getKey(), o, y));
            }
            int yoastScore = theirs.get("seoScore").asInt();
            overall.add("%-16s ours %3d  yoast %3d".formatted(post.id(), ours.overallScore(), yoastScore));
            if (keyphrase && Math.abs(ours.overallScore() - yoastScore) > OVERALL_TOLERANCE) {
                differences.add(new Comparison(post.id(), "overall", ours.overallScore(), yoastScore));
            }
        }
        System.out.println(String.join("\n", overall));
        differences.forEach(System.out::println);
        assertThat(differences).isEmpty();
    }

    private static JsonNode yoast(List<YoastCorpus.Post> corpus) throws Exception {
        var mapper = new ObjectMapper();
        ArrayNode input = mapper.createArrayNode();
        var renderer = new PostRenderer();
        for (var post : corpus) {
            var o = input.addObject();
            o.put("id", post.id());
            // A placeholder is a note to the writer, not part of the published post.
            o.put("html", renderer.renderBody(PLACEHOLDER.matcher(post.markdown()).replaceAll(""), Embeds.NONE));
            o.put("keyphrase", post.keyphrase());
            o.put("title", post.title());
            o.put("description", post.description());
            o.put("slug", post.slug());
            o.put("permalink", "https://" + SITE + "/" + post.slug() + "/");
            // Yoast is given the width a browser would measure (Java2D laying the title out in Arial's
            // metrics), not ours, so its title-width verdict is an independent one.
            o.put("titleWidth", (int) Math.round(TitleWidthTest.measured(post.title())));
            o.put("earlierUses", post.earlierUses());
        }
        var node = new ProcessBuilder("node", "yoast-analyze.mjs").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = node.getOutputStream()) {
            in.write(mapper.writeValueAsBytes(input));
        }
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        return mapper.readTree(new String(out, StandardCharsets.UTF_8));
    }
}
