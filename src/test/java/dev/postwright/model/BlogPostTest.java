package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlogPostTest {
    private final BlogPost post = new BlogPost("Old title", "Sub", "Old body", "Old meta", List.of("bread"),
            List.of("sourdough"), "3 min read", List.of(), List.of(), 71.0, null, Embeds.NONE,
            new ContextSummary("org-1", 0.8, true, false, true));

    @Test
    void withTextReplacesTheEditedPartsAndKeepsEverythingElse() {
        BlogPost edited = post.withText("  New title ", "New meta", "New body");

        assertThat(edited).isEqualTo(new BlogPost("New title", "Sub", "New body", "New meta", List.of("bread"),
                List.of("sourdough"), "3 min read", List.of(), List.of(), 71.0, null, Embeds.NONE,
                post.organizationContext()));
    }

    @Test
    void aBlankTitleOrDescriptionIsNone() {
        BlogPost edited = post.withText(" ", "", "Body");
        assertThat(edited.title()).isNull();
        assertThat(edited.metaDescription()).isNull();
    }
}
