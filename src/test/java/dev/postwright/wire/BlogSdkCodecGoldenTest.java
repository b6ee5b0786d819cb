package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Cta;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Topic;
import java.util.List;
import dev.postwright.model.JobEvent;
import org.junit.jupiter.api.Test;

/** The Blog SDK's result (job-stream-protocol.md §2.1) read into a post, every field kept. */
class BlogSdkCodecGoldenTest {
    static final String RESULT = """
            {"title": "Sourdough at home: a starter in seven days",
             "content": "# Sourdough at home\\n\\nFeed the starter.",
             "excerpt": "A week to a lively starter.",
             "meta_title": "Sourdough Starter Guide | Bakery",
             "meta_description": "How to raise a sourdough starter at home.",
             "readability_score": 71.5, "seo_score": 84,
             "citations": [{"title": "Wild yeast", "url": "https://example.org/yeast", "source": "example.org",
                            "excerpt": "Wild yeast thrives at 24 °C."}, "https://example.org/flour"],
             "internal_links": [{"anchor_text": "our flours", "url": "https://bakery.example/flour",
                                 "context": "Choosing flour"}],
             "semantic_keywords": ["sourdough starter", "wild yeast"],
             "image_positions": [{"position": 2, "suggested_alt": "A jar of bubbling starter",
                                  "context": "Day three"}],
             "total_tokens": 4210, "total_cost": 0.0375, "generation_time": 41.2,
             "warnings": ["Few sources"], "progress_updates": []}""";

    @Test
    void everyResultFieldIsMappedAndTheTitleIsThePostsNotTheSeoTitle() {
        var events = BlogSdkCodec.finished(Json.parse(RESULT, "result"));
        var post = ((JobEvent.BlogResult) events.getFirst()).post();
        assertThat(post.title()).isEqualTo("Sourdough at home: a starter in seven days");
        assertThat(post.subtitle()).isEqualTo("A week to a lively starter.");
        assertThat(post.metaDescription()).isEqualTo("How to raise a sourdough starter at home.");
        assertThat(post.seoKeywords()).containsExactly("sourdough starter", "wild yeast");
        assertThat(post.internalLinks()).containsExactly(
                new BlogPost.InternalLink("our flours", "https://bakery.example/flour", "Choosing flour"));
        assertThat(post.seoOptimizationScore()).isEqualTo(84.0);
        var m = post.generationMetadata();
        assertThat(m.durationMillis()).isEqualTo(41_200L);
        assertThat(m.tokensUsed()).isEqualTo(4210L);
        assertThat(m.costUsd()).isEqualTo(0.0375);
        assertThat(m.citations()).containsExactly(
                new BlogPost.Citation("Wild yeast", "https://example.org/yeast", "example.org", "Wild yeast thrives at 24 °C."),
                new BlogPost.Citation(null, "https://example.org/flour", null, null));
        assertThat(m.imagePositions()).containsExactly(
                new BlogPost.ImagePosition("2", "A jar of bubbling starter", "Day three"));
        var seo = ((JobEvent.SeoResult) events.get(1)).analysis();
        assertThat(seo.overallScore()).isEqualTo(84);
        assertThat(seo.topImprovements()).containsExactly("Few sources");
        var complete = (JobEvent.Complete) events.getLast();
        assertThat(complete.result().post()).isEqualTo(post);
    }

    @Test
    void theSeoTitleStandsInOnlyWhenThereIsNoTitle() {
        var post = BlogSdkCodec.post(Json.parse("""
                {"meta_title": "Only an SEO title", "content": "x"}""", "result"));
        assertThat(post.title()).isEqualTo("Only an SEO title");
    }

    @Test
    void theBlogSdksExtrasTravelInOurGenerationMetadataAndReadBack() {
        var post = BlogSdkCodec.post(Json.parse(RESULT, "result"));
        var written = PostCodec.write(post).get("generationMetadata");
        assertThat(Json.write(written)).isEqualTo(Json.write(Json.parse("""
                {"duration": 41200, "tokensUsed": 4210, "costUsd": 0.0375,
                 "citations": [{"title": "Wild yeast", "url": "https://example.org/yeast", "source": "example.org",
                                "excerpt": "Wild yeast thrives at 24 °C."}, {"url": "https://example.org/flour"}],
                 "imagePositions": [{"position": "2", "suggestedAlt": "A jar of bubbling starter", "context": "Day three"}]}""",
                "expected")));
        assertThat(PostCodec.read(PostCodec.write(post)).generationMetadata()).isEqualTo(post.generationMetadata());
    }

    @Test
    void theWholeBriefGoesInTheSdksFields() {
        var brief = new JobRequest(new Topic("How to keep a sourdough starter", null, null, "sourdough starter",
                List.of("wild yeast", "sourdough starter", "levain")), new BusinessInfo("Bakery", null, null, null), "org-1",
                "Keep it short.", new JobOptions(true, true, null, false, 900), List.of(new Cta("Book a class", "https://bakery.example/class", null, "end-of-post"),
                new Cta(" ", null, null, null)), null);
        var profile = new OrganizationProfile("org-1", "Crumb", "Bakery", "home bakers", null, "Warm, plain-spoken, no jargon",
                List.of(), List.of(new OrganizationProfile.LinkTarget("Our flours", "https://bakery.example/flour",
                List.of("flour", "rye"))));
        assertThat(Json.parse(BlogSdkCodec.request(brief, profile), "out")).isEqualTo(Json.parse("""
                {"topic": "How to keep a sourdough starter",
                 "keywords": ["sourdough starter", "wild yeast", "levain"],
                 "target_audience": "home bakers",
                 "tone": "friendly",
                 "blog_type": "how_to",
                 "length": "medium",
                 "word_count_target": 900,
                 "custom_instructions": "Keep it short.\\n\\nInclude these calls to action:\\n- \\"Book a class\\" linking to https://bakery.example/class (end-of-post)",
                 "internal_link_targets": [{"title": "Our flours", "url": "https://bakery.example/flour", "keywords": ["flour", "rye"]}],
                 "max_internal_links": 1}""", "expected"));
    }

    @Test
    void withoutAProfileTheToneIsProfessionalAndTheTitleIsTheKeyword() {
        var brief = new JobRequest(Topic.titled("Rye"), null, "org-1", null, null, List.of(), null);
        assertThat(Json.parse(BlogSdkCodec.request(brief), "out")).isEqualTo(Json.parse("""
                {"topic": "Rye", "keywords": ["Rye"], "tone": "professional"}""", "expected"));
        assertThat(BlogSdkCodec.tone("Technical and precise")).isEqualTo("technical");
        assertThat(BlogSdkCodec.tone("Calm")).isEqualTo("professional");
    }
}
