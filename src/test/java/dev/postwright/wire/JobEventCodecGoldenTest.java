package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.JobEvent;
import dev.postwright.model.JobEvent.BlogResult;
import dev.postwright.model.JobEvent.Complete;
import dev.postwright.model.JobEvent.ContextResult;
import dev.postwright.model.JobEvent.Failed;
import dev.postwright.model.JobEvent.ProgressUpdate;
import dev.postwright.model.JobEvent.SeoResult;
import dev.postwright.model.JobEvent.VisualsResult;
import org.junit.jupiter.api.Test;

/** Events as the real backends send them (protocol 1.4), quirks included. */
class JobEventCodecGoldenTest {

    private static JobEvent decode(String name, String json) {
        return JobEventCodec.decode(name, json).orElseThrow();
    }

    /** Encoding a decoded event gives the canonical JSON, and decoding that gives the same event. */
    private static void assertCanonical(String name, String json, String canonical) {
        JobEvent event = decode(name, json);
        assertThat(Json.parse(JobEventCodec.encodeData(event), "out")).isEqualTo(Json.parse(canonical, "expected"));
        assertThat(decode(name, canonical)).isEqualTo(event);
        assertThat(JobEventCodec.name(event)).isEqualTo(name);
    }

    @Test
    void readsBlogResultWithTheBackendsQuirks() {
        var event = (BlogResult) decode("blog-result", """
                {"title": "Sourdough for beginners", "content": "# Sourdough\\n\\n[TWEET:0]",
                 "seoOptimizationScore": "82", "estimatedReadTime": "6 min read",
                 "tags": ["baking"], "internalLinks": [{"anchorText": "starter", "suggestedUrl": "/starter"}],
                 "generationMetadata": {"model": "gpt-4o", "duration": 41234, "tokensUsed": 3120},
                 "preloadedTweets": [{"url": "https://x.com/a/1", "author_name": "Ann", "author_handle": "@ann",
                                      "text": "Feed it daily", "likes": "12", "unknownThing": {"deep": true}}],
                 "preloadedArticles": [], "someFutureField": [1, 2, 3]}
                """);
        var post = event.post();
        assertThat(post.title()).isEqualTo("Sourdough for beginners");
        assertThat(post.content()).isEqualTo("# Sourdough\n\n[TWEET:0]");
        assertThat(post.seoOptimizationScore()).isEqualTo(82.0);
        assertThat(post.subtitle()).isNull();
        assertThat(post.metaDescription()).isNull();
        assertThat(post.seoKeywords()).isEmpty();
        assertThat(post.ctaSuggestions()).isEmpty();
        assertThat(post.generationMetadata().tokensUsed()).isEqualTo(3120L);
        var tweet = post.embeds().tweets().getFirst();
        assertThat(tweet.author()).isEqualTo("Ann");
        assertThat(tweet.handle()).isEqualTo("@ann");
        assertThat(tweet.likes()).isEqualTo(12L);
        assertThat(post.embeds().videos()).isEmpty();
    }

    @Test
    void readsScoresAsNumbersOrText() {
        assertThat(((BlogResult) decode("blog-result", "{\"title\":\"t\",\"seoOptimizationScore\":77.5}"))
                .post().seoOptimizationScore()).isEqualTo(77.5);
        assertThat(((BlogResult) decode("blog-result", "{\"title\":\"t\",\"seoOptimizationScore\":\"85/100\"}"))
                .post().seoOptimizationScore()).isEqualTo(85.0);
        assertThat(((BlogResult) decode("blog-result", "{\"title\":\"t\",\"seoOptimizationScore\":\"n/a\"}"))
                .post().seoOptimizationScore()).isNull();
    }

    @Test
    void writesBlogResultCanonically() {
        assertCanonical("blog-result", """
                {"title": "T", "content": "Body", "seoOptimizationScore": "82",
                 "preloadedTweets": [{"url": "u", "author_handle": "@h", "author_name": "N", "text": "x"}]}
                """, """
                {"title": "T", "content": "Body", "tags": [], "seoKeywords": [], "internalLinks": [],
                 "ctaSuggestions": [], "seoOptimizationScore": 82,
                 "preloadedTweets": [{"url": "u", "author_handle": "@h", "author_name": "N", "text": "x"}],
                 "preloadedArticles": [], "preloadedVideos": [], "organizationContext": null}
                """); // an embed goes back as it was sent (issue 12 B): author_name stays author_name
    }

    @Test
    void blogResultCarriesOrganizationContextAndANullScoreWhenThereIsNone() {
        assertCanonical("blog-result", """
                {"title": "T", "content": "Body",
                 "organizationContext": {"organizationId": "org-1", "completenessScore": 60,
                   "availability": {"has_blog_content": true}}}
                """, """
                {"title": "T", "content": "Body", "tags": [], "seoKeywords": [], "internalLinks": [],
                 "ctaSuggestions": [], "seoOptimizationScore": null,
                 "preloadedTweets": [], "preloadedArticles": [], "preloadedVideos": [],
                 "organizationContext": {"organizationId": "org-1", "completenessScore": 60,
                   "availability": {"has_blog_content": true, "completeness_score": 60}}}
                """);
    }

    @Test
    void completeWritesTheDocumentedTopLevelBesideData() {
        assertCanonical("complete", """
                {"result": {"success": true, "data": {"title": "T", "content": "Body", "seoOptimizationScore": "71",
                  "seoAnalysis": {"overallScore": 71}}}}
                """, """
                {"result": {"success": true,
                  "data": {"title": "T", "content": "Body", "tags": [], "seoKeywords": [], "internalLinks": [],
                    "ctaSuggestions": [], "seoOptimizationScore": 71, "preloadedTweets": [],
                    "preloadedArticles": [], "preloadedVideos": [], "organizationContext": null,
                    "visualContentSuggestions": [],
                    "seoAnalysis": {"overallScore": 71, "topStrengths": [], "topImprovements": []}, "ctas": []},
                  "savedPost": null, "metadata": null, "title": "T", "content": "Body",
                  "preloadedTweets": [], "preloadedArticles": [], "preloadedVideos": [], "imageGeneration": null}}
                """);
    }

    @Test
    void readsTheResultEnvelopeFromDataAsTheBackendsCodeWritesIt() {
        var complete = (Complete) decode("complete", """
                {"result": {"success": true,
                  "data": {"title": "From data", "content": "Body A", "metaDescription": "M",
                           "visualContentSuggestions": [{"contentType": "chart", "title": "Rise times"}],
                           "seoAnalysis": {"overallScore": 71, "topStrengths": ["Clear title"]},
                           "qualityPrediction": {"score": 0.8},
                           "preloadedTweets": [], "preloadedArticles": [], "preloadedVideos": []},
                  "savedPost": {"id": "p-1", "title": "From data", "meta_description": "M", "status": "draft",
                                "word_count": "812"},
                  "metadata": {"generationTime": 52000, "tokensUsed": 4000, "visualSuggestions": 1},
                  "imageGeneration": {"hasPlaceholders": false}}}
                """);
        var result = complete.result();
        assertThat(result.post().title()).isEqualTo("From data");
        assertThat(result.post().content()).isEqualTo("Body A");
        assertThat(result.visuals()).singleElement().satisfies(v -> assertThat(v.type()).isEqualTo("chart"));
        assertThat(result.seo().overallScore()).isEqualTo(71);
        assertThat(result.savedPost().id()).isEqualTo("p-1");
        assertThat(result.savedPost().wordCount()).isEqualTo(812);
        assertThat(result.metadata().generationTimeMillis()).isEqualTo(52000L);
    }

    @Test
    void readsTheResultEnvelopeAtTheTopLevelAsTheBackendsDocsDescribeIt() {
        var complete = (Complete) decode("complete", """
                {"result": {"success": true, "title": "From top", "content": "Body B",
                            "visualContentSuggestions": [{"type": "image", "title": "Crumb"}],
                            "seoAnalysis": null, "savedPost": null}}
                """);
        assertThat(complete.result().post().title()).isEqualTo("From top");
        assertThat(complete.result().post().content()).isEqualTo("Body B");
        assertThat(complete.result().visuals().getFirst().type()).isEqualTo("image");
        assertThat(complete.result().seo()).isNull();
        assertThat(complete.result().savedPost()).isNull();
    }

    @Test
    void writesTheEnvelopeUnderDataAndReadsItBack() {
        var complete = (Complete) decode("complete", """
                {"result": {"title": "T", "content": "C", "savedPost": {"id": "9", "title": "T"}}}""");
        String written = JobEventCodec.encodeData(complete);
        assertThat(Json.parse(written, "out").at("/result/data/content").asText()).isEqualTo("C");
        assertThat(Json.parse(written, "out").at("/result/success").asBoolean()).isTrue();
        assertThat(decode("complete", written)).isEqualTo(complete);
    }

    @Test
    void readsVisualSuggestionsNamedEitherWay() {
        var visuals = (VisualsResult) decode("visuals-result", """
                {"visualContentSuggestions": [
                  {"type": "featured-image", "title": "Loaf", "placement": "top", "prompt": "a loaf", "altText": "A loaf",
                   "priority": "high"},
                  {"contentType": "chart", "description": "Hydration vs crumb", "priority": 2},
                  "not an object"]}
                """);
        assertThat(visuals.suggestions()).extracting(v -> v.type()).containsExactly("featured-image", "chart");
        assertThat(visuals.suggestions().get(1).priority()).isEqualTo("2");
        assertThat(visuals.suggestions().get(1).title()).isNull();
    }

    @Test
    void readsSeoResultWithSectionsAndChecks() {
        var seo = ((SeoResult) decode("seo-result", """
                {"seoAnalysis": {"overallScore": "64", "topStrengths": ["Good length"], "topImprovements": ["Add links"],
                 "aiSummary": "Solid draft.", "titleAnalysis": {"score": 7, "explanation": "Keyphrase early."},
                 "technicalSEO": {"score": 5, "explanation": "No alt text.", "issues": ["x"]},
                 "checks": [{"id": "text-length", "group": "seo", "score": 9, "explanation": "Long enough."}]}}
                """)).analysis();
        assertThat(seo.overallScore()).isEqualTo(64);
        assertThat(seo.sections()).containsOnlyKeys("titleAnalysis", "technicalSEO");
        assertThat(seo.sections().get("titleAnalysis").score()).isEqualTo(7);
        assertThat(seo.checks()).singleElement().satisfies(c -> {
            assertThat(c.score()).isEqualTo(9);
            assertThat(c.rating()).isEqualTo(dev.postwright.model.SeoAnalysis.Rating.GOOD);
        });
        assertCanonical("seo-result", """
                {"seoAnalysis": {"overallScore": 64, "topStrengths": [], "topImprovements": [],
                                 "contentFlow": {"score": 3}}}""", """
                {"seoAnalysis": {"overallScore": 64, "topStrengths": [], "topImprovements": [],
                                 "contentFlow": {"score": 3}}}""");
    }

    @Test
    void readsContextResult() {
        var context = ((ContextResult) decode("context-result", """
                {"organizationId": "org-9", "completenessScore": 62.5,
                 "availability": {"has_blog_content": true, "has_cta_data": false}}""")).context();
        assertThat(context.completenessScore()).isEqualTo(62.5);
        assertThat(context.hasBlogContent()).isTrue();
        assertThat(context.hasCtaData()).isFalse();
        assertThat(context.hasInternalLinks()).isNull();
    }

    @Test
    void readsProgressWithAndWithoutPostwrightsStage() {
        assertCanonical("progress-update", """
                {"progress": 40, "currentStep": "Writing the draft", "estimatedTimeRemaining": 30, "stage": "draft"}""",
                """
                {"progress": 40, "currentStep": "Writing the draft", "estimatedTimeRemaining": 30, "stage": "draft"}""");
        var plain = (ProgressUpdate) decode("progress-update", "{\"progress\": 10, \"currentStep\": null}");
        assertThat(plain.stage()).isNull();
        assertThat(plain.estimatedTimeRemaining()).isNull();
        assertCanonical("step-change", "{\"progress\": 5, \"currentStep\": \"Starting\", \"estimatedTimeRemaining\": null}",
                "{\"progress\": 5, \"currentStep\": \"Starting\", \"estimatedTimeRemaining\": null}");
    }

    @Test
    void readsTheSmallEvents() {
        assertCanonical("connected", "{\"connectionId\": \"c1\", \"jobId\": \"j1\", \"maxAgeSeconds\": 250}",
                "{\"connectionId\": \"c1\", \"jobId\": \"j1\", \"maxAgeSeconds\": 250}");
        assertCanonical("failed", "{\"error\": \"Not enough credits\", \"errorCode\": \"INSUFFICIENT_CREDITS\"}",
                "{\"error\": \"Not enough credits\", \"errorCode\": \"INSUFFICIENT_CREDITS\"}");
        assertCanonical("failed", "{\"error\": \"Cancelled\"}", "{\"error\": \"Cancelled\", \"errorCode\": \"CANCELLED\"}");
        assertCanonical("stream-timeout", "{\"jobId\": \"j1\", \"message\": \"Reconnect\"}",
                "{\"jobId\": \"j1\", \"message\": \"Reconnect\"}");
        assertCanonical("draft-delta", "{\"seq\": 3, \"text\": \"Hello\\nworld\"}",
                "{\"seq\": 3, \"text\": \"Hello\\nworld\"}");
        assertCanonical("draft-reset", "{\"reason\": \"fields a later version adds are ignored\"}", "{}");
        assertThat(((Failed) decode("failed", "{}")).error()).isEqualTo("The job failed without saying why.");
    }

    @Test
    void ignoresUnknownEventNames() {
        assertThat(JobEventCodec.decode("quality-prediction", "{\"score\": 1}")).isEmpty();
        assertThat(JobEventCodec.decode("quality-prediction", "not even json")).isEmpty();
    }

    @Test
    void refusesKnownEventsThatAreNotObjectsWithAMessage() {
        assertThatThrownBy(() -> JobEventCodec.decode("blog-result", "[1, 2]"))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("The \"blog-result\" event does not carry a JSON object.");
        assertThatThrownBy(() -> JobEventCodec.decode("blog-result", "{\"title\": "))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("The \"blog-result\" event is not valid JSON (line 1");
    }
}
