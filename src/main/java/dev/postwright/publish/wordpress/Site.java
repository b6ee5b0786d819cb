package dev.postwright.publish.wordpress;

import java.net.URI;
import java.util.Objects;

/**
 * A WordPress site a writer publishes to: its name in Postwright, its address and the user who
 * publishes. The user's application password is a secret, kept by {@code settings.SecretStore}
 * and handed to {@link WordPressClient} on its own, so it is never part of this record.
 */
public record Site(String name, URI address, String user) {
    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        String text = Objects.requireNonNull(address, "address").toString();
        address = URI.create(text.endsWith("/") ? text : text + "/");
    }
}
