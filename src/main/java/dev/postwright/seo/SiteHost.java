package dev.postwright.seo;

import dev.postwright.model.OrganizationProfile;
import java.net.URI;

/** The host of an organization's own pages, so links to them count as internal. */
public final class SiteHost {
    private SiteHost() {}

    /** The host of the profile's first usable internal link, without "www."; "" when none. */
    public static String of(OrganizationProfile profile) {
        for (OrganizationProfile.LinkTarget link : profile.internalLinks()) {
            if (link.url() == null) continue;
            try {
                String host = URI.create(link.url().strip()).getHost();
                if (host != null) return host.replaceFirst("^www\\.", "");
            } catch (IllegalArgumentException e) {
                // an unusable link target says nothing about the host
            }
        }
        return "";
    }
}
