package dev.postwright.llm;

import dev.postwright.model.Cta;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything a writer gets to work from: the request, the organization's profile, and the
 * decisions the pipeline took on them (which calls to action, which keyphrase).
 *
 * @param ctas           the request's calls to action, else the profile's, else none
 * @param focusKeyphrase the phrase the post should rank for; never blank
 * @param keywords       further keywords, without the keyphrase
 */
public record Brief(JobRequest request, OrganizationProfile profile, List<Cta> ctas, String focusKeyphrase,
                    List<String> keywords) {

    /** Resolves calls to action and the keyphrase as the protocol and the UI expect. */
    public static Brief of(JobRequest request, OrganizationProfile profile) {
        List<Cta> ctas = !request.ctas().isEmpty() ? request.ctas() : profile.ctas();
        ctas = ctas.stream().filter(c -> c.text() != null && !c.text().isBlank()).toList();
        var topic = request.topic();
        String keyphrase = firstNonBlank(topic.focusKeyphrase(), topic.keywords().isEmpty() ? null : topic.keywords().getFirst(),
                topic.title());
        var keywords = new LinkedHashSet<>(topic.keywords());
        keywords.remove(keyphrase);
        return new Brief(request, profile, List.copyOf(ctas), keyphrase.strip(), List.copyOf(new ArrayList<>(keywords)));
    }

    public String title() {
        return request.topic().title().strip();
    }

    /** Who the post is for: the topic's audience, else the business's, else the profile's. */
    public String audience() {
        return firstNonBlank(request.topic().targetAudience(),
                request.businessInfo() == null ? null : request.businessInfo().targetAudience(), profile.audience(),
                "readers");
    }

    public Embeds embeds() {
        return request.embeds();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }
}
