package dev.postwright.pipeline;

import dev.postwright.model.BusinessInfo;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.Cta;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import java.util.List;

/**
 * How much the job knows about the organization: eight things a good post draws on (name,
 * business type, audience, industry, brand voice, calls to action, internal link targets, earlier
 * posts), from the brief or the stored profile. The score is the share present, 0-100.
 */
final class ContextAssessment {
    private ContextAssessment() {}

    static ContextSummary of(JobRequest request, OrganizationProfile profile, List<Cta> ctas, int libraryPosts) {
        BusinessInfo business = request.businessInfo();
        boolean[] known = {
                present(profile.name()),
                present(business == null ? null : business.businessType()) || present(profile.businessType()),
                present(request.topic().targetAudience()) || present(business == null ? null : business.targetAudience())
                        || present(profile.audience()),
                present(business == null ? null : business.industry()) || present(profile.industry()),
                present(profile.brandVoice()),
                !ctas.isEmpty(),
                !profile.internalLinks().isEmpty(),
                libraryPosts > 0};
        int count = 0;
        for (boolean k : known) if (k) count++;
        double score = Math.round(100.0 * count / known.length);
        return new ContextSummary(request.organizationId(), score, libraryPosts > 0, !ctas.isEmpty(),
                !profile.internalLinks().isEmpty());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
