package dev.postwright.model;

import java.util.List;

/**
 * What Postwright knows about the organization a post is written for, kept on this computer.
 *
 * @param brandVoice    how the organization sounds ("warm, plain-spoken, no jargon"); may be null
 * @param ctas          calls to action used when a brief brings none
 * @param internalLinks pages of the organization's site that posts may link to
 */
public record OrganizationProfile(String id, String name, String businessType, String audience, String industry,
                                  String brandVoice, List<Cta> ctas, List<LinkTarget> internalLinks) {
    public OrganizationProfile {
        ctas = Lists.copyOf(ctas);
        internalLinks = Lists.copyOf(internalLinks);
    }

    /** A profile that knows nothing but its id. */
    public static OrganizationProfile empty(String id) {
        return new OrganizationProfile(id, null, null, null, null, null, List.of(), List.of());
    }

    /** A page posts may link to, with the keywords that make a link fitting. */
    public record LinkTarget(String title, String url, List<String> keywords) {
        public LinkTarget {
            keywords = Lists.copyOf(keywords);
        }
    }
}
