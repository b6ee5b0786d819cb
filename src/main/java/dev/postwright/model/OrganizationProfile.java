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
                                  String brandVoice, List<Cta> ctas, List<LinkTarget> internalLinks,
                                  String brandColor, String accentColor) {
    /** A brand colour as a profile keeps it: {@code #rgb} or {@code #rrggbb}. */
    public static final java.util.regex.Pattern COLOR = java.util.regex.Pattern.compile("#(?:[0-9a-fA-F]{3}){1,2}");

    public OrganizationProfile {
        ctas = Lists.copyOf(ctas);
        internalLinks = Lists.copyOf(internalLinks);
    }

    /** A profile without brand colours (image cards then use the default palette). */
    public OrganizationProfile(String id, String name, String businessType, String audience, String industry,
                               String brandVoice, List<Cta> ctas, List<LinkTarget> internalLinks) {
        this(id, name, businessType, audience, industry, brandVoice, ctas, internalLinks, null, null);
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
