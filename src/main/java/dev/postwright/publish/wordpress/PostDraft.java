package dev.postwright.publish.wordpress;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Postwright sends for a post. {@code marker} is written into the content on every request
 * (decision 0032) so a retry finds a post a dropped response hid. {@code date} is the site's
 * local time, needed for {@link Status#FUTURE}. {@code seo} maps {@link SeoField}s to values.
 */
public record PostDraft(String marker, String title, String html, Status status, Optional<LocalDateTime> date,
        String slug, String excerpt, List<Long> categories, List<Long> tags, Optional<Long> featuredMedia,
        Map<SeoField, String> seo) {

    public enum Status {
        DRAFT("draft"), PENDING("pending"), PUBLISH("publish"), FUTURE("future");

        final String wire;

        Status(String wire) {
            this.wire = wire;
        }
    }

    public enum SeoField { FOCUS_KEYPHRASE, TITLE, DESCRIPTION }
}
