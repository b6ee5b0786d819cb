package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.testing.Briefs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRequestValidationTest {
    private static final BusinessInfo BUSINESS = new BusinessInfo("Bakery", null, null, null);

    @Test
    void acceptsAMinimalBrief() {
        assertThat(Briefs.brief("Sourdough").problems()).isEmpty();
    }

    @Test
    void namesEachMissingRequiredField() {
        var request = new JobRequest(null, null, " ", null, null, null, null);
        assertThat(request.problems()).containsExactly(
                new FieldProblem("topic.title", "Give the post a topic title."),
                new FieldProblem("businessInfo", "Describe the business this post is for: its type, audience and industry."),
                new FieldProblem("organizationId", "Choose the organization this post is for."));
    }

    @Test
    void blankTitleIsMissing() {
        var request = new JobRequest(Topic.titled("   "), BUSINESS, "org", null, null, null, null);
        assertThat(request.problems()).extracting(FieldProblem::field).containsExactly("topic.title");
    }

    @Test
    void ctaWithoutTextOrWithAScriptLinkIsRefused() {
        var request = new JobRequest(Topic.titled("T"), BUSINESS, "org", null, null, List.of(
                new Cta("Book a demo", "https://example.com/demo", null, null),
                new Cta(null, "https://example.com", "primary", "end-of-post"),
                new Cta("Click", "javascript:alert(1)", null, null)), null);
        assertThat(request.problems()).containsExactly(
                new FieldProblem("ctas[1].text", "Call to action 2 has no text. Add the text or remove it."),
                new FieldProblem("ctas[2].href", "The link of call to action 3 must start with http:// or https://."));
    }

    @Test
    void ctaDefaultsFollowTheProtocol() {
        var cta = new Cta("Go", null, null, " ");
        assertThat(cta.type()).isEqualTo("general");
        assertThat(cta.placement()).isEqualTo("inline");
    }

    @Test
    void embedWithoutUrlIsRefused() {
        var embeds = new Embeds(List.of(new Tweet("https://x.com/a/1", "A", "@a", "t", null, null, false),
                new Tweet(null, "B", "@b", "t", null, null, false)), List.of(),
                List.of(new Video(" ", "id", "Title", null, null, null, null, null, null, null, null)));
        var request = new JobRequest(Topic.titled("T"), BUSINESS, "org", null, null, null, embeds);
        assertThat(request.problems()).containsExactly(
                new FieldProblem("options.preloadedTweets[1].url", "Tweet 2 has no link. Add its URL or remove it."),
                new FieldProblem("options.preloadedVideos[0].url", "Video 1 has no link. Add its URL or remove it."));
    }

    @Test
    void refusesAbsurdSizesWithTheSizeAndTheLimit() {
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        var request = new JobRequest(Topic.titled("T"), BUSINESS, "org", tenMegabytes, null, null, null);
        assertThat(request.problems()).containsExactly(new FieldProblem("additionalInstructions",
                "Shorten the additional instructions to 20,000 characters or fewer (now 10,485,760)."));
    }

    @Test
    void optionDefaultsAreOnAndDraft() {
        assertThat(JobOptions.DEFAULTS.includeVisuals()).isTrue();
        assertThat(JobOptions.DEFAULTS.autoSave()).isTrue();
        assertThat(new JobOptions(false, false, null, false).status()).isEqualTo("draft");
    }
}
