package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a publish request may hold, in the writer's words. */
class PublishRequestTest {
    @Test
    void aDraftForAPostAndASiteHasNoProblems() {
        PublishRequest draft = PublishRequest.draft("post-1", "Blog");
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.kind()).isEqualTo(JobKind.PUBLISH);
        assertThat(draft.title()).isEqualTo("Publish to Blog");
        assertThat(new PublishRequest("post-1", "Blog", null, null, null, null, false).status()).isEqualTo("draft");
    }

    @Test
    void eachProblemIsNamedByItsField() {
        var request = new PublishRequest(" ", "", "live", null, java.util.stream.IntStream.range(0, 51).mapToObj(i -> "c" + i).toList(),
                List.of("a".repeat(201)), false);
        assertThat(request.problems()).extracting(FieldProblem::field)
                .containsExactly("postId", "site", "status", "categories", "tags");
        assertThat(request.problems().get(2).message()).isEqualTo(
                "The status must be draft, pending, publish or future, not \"live\".");
        assertThat(request.problems().get(3).message()).isEqualTo("Give at most 50 categories, not 51.");
        assertThat(request.problems().get(4).message()).contains("too long for a name of tags");
    }

    @Test
    void aScheduledPostNeedsItsDate() {
        assertThat(new PublishRequest("p", "Blog", "FUTURE", null, List.of(), List.of(), false).problems())
                .containsExactly(new FieldProblem("publishAt", "Give the date and time the post should go live."));
        assertThat(new PublishRequest("p", "Blog", "future", LocalDateTime.of(2026, 12, 24, 9, 0), List.of(),
                List.of(), false).problems()).isEmpty();
    }

    @Test
    void termNamesAreStrippedAndEachKeptOnceWhateverItsCase() {
        var request = new PublishRequest("p", "Blog", "draft", null, List.of(" News ", "news", "", "Rye"),
                java.util.Arrays.asList("bread", null, "Bread ", "crumb"), false);
        assertThat(request.categories()).containsExactly("News", "Rye");
        assertThat(request.tags()).containsExactly("bread", "crumb");
        assertThat(request.replacingSiteChanges().replaceSiteChanges()).isTrue();
    }
}
