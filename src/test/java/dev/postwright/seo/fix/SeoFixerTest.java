package dev.postwright.seo.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.llm.openai.ChatReplies;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.SeoAnalysis.Rating;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixes made for real posts, scored again by the real analysis; the model's through a loopback server. */
class SeoFixerTest {
    private static final String INTRO = "Sourdough asks for patience more than skill. A starter, flour, water and "
            + "salt are all it takes, and a kitchen that is not too cold.";
    private static final String BODY = INTRO + "\n\n## Feeding the starter\n\nFeed it every day with equal weights of "
            + "flour and water. Keep it in a jar with a loose lid.\n\n## Baking day\n\nMix, rest, fold and shape. "
            + "Bake in a hot pot with the lid on for the first twenty minutes.\n";

    private final SeoFixer fixer = new SeoFixer(SeoAnalyzer.standard());
    private final CancellationToken cancel = new CancellationToken();
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private static PostFields post(String markdown, String meta, String slug) {
        return new PostFields(markdown, "Sourdough bread for beginners", meta, slug, "sourdough bread", "", 0);
    }

    private FixProposal mechanical(String checkId, PostFields post) throws FixFailure {
        FixOffer offer = SeoFixes.offer(checkId, false).orElseThrow();
        assertThat(offer.mechanical()).isTrue();
        return fixer.propose(offer, post, Optional.empty(), cancel);
    }

    @Test
    void aShortMetaDescriptionGrowsFromThePostsOwnSentencesIntoTheGoodRange() throws FixFailure {
        var proposal = mechanical("meta-description-length", post(BODY, "Bake your first loaf.", "sourdough"));

        assertThat(proposal.replacement()).startsWith("Bake your first loaf. Sourdough asks for patience");
        assertThat(proposal.replacement().length()).isBetween(121, 156);
        assertThat(proposal.checkBefore().rating()).isEqualTo(Rating.OK);
        assertThat(proposal.checkAfter().rating()).isEqualTo(Rating.GOOD);
        assertThat(proposal.scoreAfter()).isGreaterThan(proposal.scoreBefore());
        assertThat(proposal.outcome()).startsWith("Fixed: The meta description has a good length");
        assertThat(proposal.after().markdown()).isEqualTo(BODY);
    }

    @Test
    void aLongMetaDescriptionIsCutAfterItsLastWholeSentenceThatFits() throws FixFailure {
        String meta = "Sourdough bread needs a starter, flour, water and salt, and a few days of patience before the "
                + "first bake. Here is how to begin. Then how to keep going when the starter sulks in winter.";
        var proposal = mechanical("meta-description-length", post(BODY, meta, "sourdough"));

        assertThat(proposal.replacement()).isEqualTo(meta.substring(0, meta.indexOf(" Then")));
        assertThat(proposal.checkAfter().rating()).isEqualTo(Rating.GOOD);
    }

    @Test
    void aMetaDescriptionWithoutSentenceEndsIsCutAtAWordWithAnEllipsis() {
        String cut = MechanicalFixes.fit("word ".repeat(60).strip());
        assertThat(cut).endsWith("word…").hasSizeLessThanOrEqualTo(156).hasSizeGreaterThan(121);
    }

    @Test
    void theSlugIsMadeFromTheKeyphrase() throws FixFailure {
        var proposal = mechanical("keyphrase-in-slug", post(BODY, "", "my-first-loaf"));
        assertThat(proposal.replacement()).isEqualTo("sourdough-bread");
        assertThat(proposal.after().slug()).isEqualTo("sourdough-bread");
        assertThat(proposal.checkAfter().rating()).isEqualTo(Rating.GOOD);
    }

    @Test
    void everyH1AfterTheFirstBecomesAnH2AndNothingElseChanges() throws FixFailure {
        String body = "# Sourdough\n\n" + INTRO + "\n\n# Feeding\n\nFeed it daily.\n\nBaking\n======\n\nBake it hot.\n";
        var proposal = mechanical("single-h1", post(body, "", "sourdough-bread"));

        assertThat(proposal.after().markdown()).isEqualTo("# Sourdough\n\n" + INTRO
                + "\n\n## Feeding\n\nFeed it daily.\n\nBaking\n---\n\nBake it hot.\n");
        assertThat(proposal.checkAfter().score()).isGreaterThan(proposal.checkBefore().score());
    }

    @Test
    void theLongestParagraphIsSplitBetweenSentencesIntoPartsTheCheckCallsGood() throws FixFailure {
        String sentence = "Fold the dough gently and let it rest for [half an hour](https://example.com/a.b) before "
                + "the next fold. ";
        String longOne = sentence.repeat(12).strip(); // 12 × 17 = 204 words
        String body = INTRO + "\n\n" + longOne + "\n\n## Baking day\n\nBake it hot.\n";
        var proposal = mechanical("paragraph-length", post(body, "", "sourdough-bread"));

        assertThat(proposal.span().text()).isEqualTo(longOne);
        assertThat(proposal.replacement().split("\n\n")).hasSize(2)
                .allSatisfy(p -> assertThat(PostTexts.wordCount(p)).isLessThanOrEqualTo(150));
        assertThat(proposal.replacement().replace("\n\n", " ")).isEqualTo(longOne);
        assertThat(proposal.checkAfter().rating()).isEqualTo(Rating.GOOD);
    }

    @Test
    void aCheckThatPassesIsNotFixed() {
        String meta = "Sourdough bread for beginners: the starter, the flour, the first bake and what to do when "
                + "the dough will not rise, step by step, in plain words.";
        assertThatThrownBy(() -> mechanical("meta-description-length", post(BODY, meta, "sourdough-bread")))
                .isInstanceOf(FixFailure.class).hasMessage("That check passes already.");
    }

    @Test
    void modelFixesAreOfferedOnlyWithAModel() {
        assertThat(SeoFixes.offer("keyphrase-in-introduction", false)).isEmpty();
        assertThat(SeoFixes.offer("keyphrase-in-introduction", true)).get()
                .extracting(FixOffer::part, FixOffer::mechanical).containsExactly(Part.INTRODUCTION, false);
        assertThat(SeoFixes.offer("text-length", true)).isEmpty();
    }

    @Test
    void theModelRewritesOnlyTheIntroductionAndTheProposalIsScoredAgain() throws Exception {
        String rewritten = "Baking sourdough bread asks for patience more than skill. A starter, flour, water and salt "
                + "are all it takes.";
        server.enqueue(ChatReplies.streamed("Here is the rewritten introduction:\n```markdown\n" + rewritten + "\n```"));
        var offer = SeoFixes.offer("keyphrase-in-introduction", true).orElseThrow();

        var proposal = fixer.propose(offer, post(BODY, "", "sourdough-bread"), Optional.of(model()), cancel);

        assertThat(proposal.span().text()).isEqualTo(INTRO);
        assertThat(proposal.replacement()).isEqualTo(rewritten);
        assertThat(proposal.after().markdown()).isEqualTo(rewritten + BODY.substring(INTRO.length()));
        assertThat(proposal.checkBefore().rating()).isEqualTo(Rating.PROBLEM);
        assertThat(proposal.checkAfter().rating()).isEqualTo(Rating.GOOD);
        assertThat(proposal.diff()).extracting(WordDiff.Segment::change).contains(WordDiff.Change.ADDED,
                WordDiff.Change.REMOVED, WordDiff.Change.SAME);
        RecordedRequest request = server.takeRequest();
        String prompt = Json.parse(request.getBody().utf8(), "request").path("messages").get(1).path("content").asText();
        assertThat(prompt).contains("Rewrite the introduction below", "\"sourdough bread\"", INTRO)
                .doesNotContain("Feed it every day");
    }

    @Test
    void aHeadingRewriteKeepsItsLevelWhateverTheModelSends() throws Exception {
        server.enqueue(ChatReplies.streamed("Feeding your sourdough bread starter"));
        var offer = SeoFixes.offer("keyphrase-in-subheadings", true).orElseThrow();

        var proposal = fixer.propose(offer, post(BODY, "", "sourdough-bread"), Optional.of(model()), cancel);

        assertThat(proposal.span().text()).isEqualTo("## Feeding the starter");
        assertThat(proposal.replacement()).isEqualTo("## Feeding your sourdough bread starter");
    }

    @Test
    void aModelThatFailsGivesASentenceAndChangesNothing() {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"model "
                + "not loaded\"}}").build());
        var offer = SeoFixes.offer("keyphrase-in-introduction", true).orElseThrow();
        PostFields post = post(BODY, "", "sourdough-bread");

        assertThatThrownBy(() -> fixer.propose(offer, post, Optional.of(model()), cancel))
                .isInstanceOf(FixFailure.class).hasMessageStartingWith("The model could not rewrite the introduction: ");
        assertThat(post.markdown()).isEqualTo(BODY);
    }

    @Test
    void aSpanTypedOverSinceTheProposalIsNoLongerThere() throws FixFailure {
        var proposal = mechanical("keyphrase-in-slug", post(BODY, "", "my-first-loaf"));
        assertThat(proposal.before().stillHas(proposal.span())).isTrue();
        assertThat(post(BODY, "", "my-loaf").stillHas(proposal.span())).isFalse();
    }

    private SpanRewriter model() {
        return new OpenAiCompatibleWriter(ModelServer.of(server.url("/v1").toString(), "llama3.1:8b")
                .withReadTimeout(Duration.ofSeconds(5)), client);
    }
}
