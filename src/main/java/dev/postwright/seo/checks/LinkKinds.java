package dev.postwright.seo.checks;

import java.net.URI;
import java.util.Locale;

/** Tells links to the writer's own site from links elsewhere. */
final class LinkKinds {
    private LinkKinds() {}

    /** Relative links and links to {@code siteHost} (or its subdomains) are internal. */
    static boolean isInternal(String destination, String siteHost) {
        String d = destination.strip();
        if (d.isEmpty() || d.startsWith("#") || isOtherScheme(d)) return false;
        String host = host(d);
        if (host == null) return !d.contains(":"); // "/pricing", "guides/rye"
        return !siteHost.isBlank() && (host.equals(siteHost) || host.endsWith("." + siteHost));
    }

    /** Absolute web links to another host are outbound. */
    static boolean isOutbound(String destination, String siteHost) {
        String host = host(destination.strip());
        return host != null && !isInternal(destination, siteHost);
    }

    private static boolean isOtherScheme(String d) {
        String lower = d.toLowerCase(Locale.ROOT);
        return lower.startsWith("mailto:") || lower.startsWith("tel:");
    }

    private static String host(String d) {
        String lower = d.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) return null;
        try {
            String host = URI.create(d).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
