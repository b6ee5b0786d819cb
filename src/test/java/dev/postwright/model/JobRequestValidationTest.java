package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.testing.Briefs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://ok.example/kit) [pwn](javascript:alert(9)", "https://ok.example/kit)[pwn](javascript:x)",
            "https://ok.example/a https://b.example/", "https://ok.example/\"onmouseover=\"x", "https://ok.example/<b>",
            "https://ok.example/a\\b", "https://ok.example/a`b", "https://bank.example@evil.example/", "https://?x",
            "https:///path", "https://.example/", "https://ok.example:80a/", "https://ok.example/%zz",
            "https://ok.example/a\tb", "https://ok.example/a\u00a0b", "https://ok.example/a{b}", "https://ok example/"})
    void ctaLinkMustBeOneWellFormedWebAddress(String href) {
        var request = new JobRequest(Topic.titled("T"), BUSINESS, "org", null, null,
                List.of(new Cta("Get the kit", href, null, null)), null);
        assertThat(request.problems()).containsExactly(new FieldProblem("ctas[0].href", "The link of call to action 1 "
                + "must be one web address, like https://example.com/page, with no spaces, quotes or square brackets in it."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://ok.example", "http://ok.example/kit", " https://ok.example/kit?a=1&b=2#top ",
            "https://en.wikipedia.org/wiki/Bread_(food)", "https://ok.example:8443/a/b;c=d/~e/f%20g",
            "https://bäckerei.example/brötchen", "https://[2001:db8::1]:8080/x", "HTTPS://OK.EXAMPLE/"})
    void ctaLinksThatAreOneWebAddressPass(String href) {
        var request = new JobRequest(Topic.titled("T"), BUSINESS, "org", null, null,
                List.of(new Cta("Get the kit", href, null, null)), null);
        assertThat(request.problems()).isEmpty();
        assertThat(WebUrls.isSingleWebUrl(href)).isTrue();
    }

    @Test
    void ctaLinksLoseTheirBidiControls() {
        String href = "https://ok.example/\u202Eexe.fdp\u202C\u2066\u2067\u2068\u2069\u202A\u202B\u202D";
        var cta = new Cta("Get the kit", href, null, null);
        assertThat(cta.href()).isEqualTo("https://ok.example/exe.fdp");
        var request = new JobRequest(Topic.titled("T"), BUSINESS, "org", null, null, List.of(cta), null);
        assertThat(request.problems()).isEmpty();
    }

    @Test
    void linksForMarkdownCannotEndTheirDestination() {
        assertThat(WebUrls.forMarkdown(" https://ok.example/kit) [pwn](javascript:alert(9)\u202E "))
                .isEqualTo("https://ok.example/kit%29%20%5Bpwn%5D%28javascript:alert%289%29");
        assertThat(WebUrls.forMarkdown("https://ok.example/<a href=\"x\">\\`'\u00a0"))
                .isEqualTo("https://ok.example/%3Ca%20href=%22x%22%3E%5C%60%27%C2%A0");
        assertThat(WebUrls.forMarkdown("https://bäckerei.example/?q=a&b")).isEqualTo("https://bäckerei.example/?q=a&b");
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
