package dev.postwright.testing;

import dev.postwright.model.BlogPost;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobResult;
import dev.postwright.model.Topic;
import java.util.List;

/** Small valid briefs and results for tests. */
public final class Briefs {
    private Briefs() {}

    public static JobRequest brief(String title) {
        return new JobRequest(Topic.titled(title), new BusinessInfo("Bakery", "home bakers", "food", null), "org-1",
                null, JobOptions.DEFAULTS, List.of(), Embeds.NONE);
    }

    /** A full brief for a how-to post, with a keyphrase, a keyword and a call to action. */
    public static JobRequest sourdough(JobOptions options) {
        return new JobRequest(new Topic("How to bake sourdough bread at home", null, "home bakers", "sourdough bread",
                List.of("starter")), new BusinessInfo("Bakery", "home bakers", "food", null), "org-1", null, options,
                List.of(new dev.postwright.model.Cta("Book a class", "https://crumb.example/classes", "primary",
                        "end-of-post")), Embeds.NONE);
    }

    public static JobResult result(String title) {
        var post = new BlogPost(title, null, "# " + title + "\n\nBody.", null, List.of(), List.of(), null, List.of(),
                List.of(), null, null, Embeds.NONE);
        return new JobResult(post, List.of(), null, null, null, List.of());
    }
}
