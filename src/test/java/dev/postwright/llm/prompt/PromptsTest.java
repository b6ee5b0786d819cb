package dev.postwright.llm.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.Brief;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft prompt asks for the brief's length, or leaves it to the outline. */
class PromptsTest {
    private static Brief brief(JobOptions options) {
        return Brief.of(new JobRequest(Topic.titled("Rye bread"), new BusinessInfo("Bakery", null, null, null), "org-1",
                null, options, List.of(), null), OrganizationProfile.empty("org-1"));
    }

    private static final Outline OUTLINE = new Outline("Rye bread", "article",
            List.of(new Outline.Section("Why rye", List.of("flavour"))));

    @Test
    void aWordCountTargetIsAskedForInWords() {
        assertThat(Prompts.draft(brief(new JobOptions(true, true, null, false, 1_200)), OUTLINE))
                .contains("Length: about 1,200 words in all.");
    }

    @Test
    void withoutATargetTheOutlineSetsTheLength() {
        assertThat(Prompts.draft(brief(JobOptions.DEFAULTS), OUTLINE)).contains("Length: as long as the outline needs.");
    }
}
