package dev.postwright.ui.desk;

import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.Topic;
import dev.postwright.model.Tweet;
import java.util.List;

/** The brief a first run opens with, so one click shows the whole flow. */
public final class SampleBrief {
    private SampleBrief() {}

    public static JobRequest request() {
        return new JobRequest(new Topic("How to bake sourdough bread at home", null, "home bakers",
                "sourdough bread", List.of("starter", "levain")),
                new BusinessInfo("Neighbourhood bakery", "home bakers", "food", null), BriefViewModel.ORGANIZATION,
                null, JobOptions.DEFAULTS.withImages(), List.of(),
                new Embeds(List.of(new Tweet("https://x.com/crumbandco/status/1", "Crumb & Co", "crumbandco",
                        "Feed your starter at the same time every day and it will reward you.", 42L, 7L, false)),
                        List.of(), List.of()));
    }
}
