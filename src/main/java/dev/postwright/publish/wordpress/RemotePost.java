package dev.postwright.publish.wordpress;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A post as the site has it after a create, update or read: its id, link, status, and
 * {@code modified_gmt} (as the site writes it) so a later publish can tell it was changed there.
 */
public record RemotePost(long id, URI link, String status, String modifiedGmt, String title, String content,
        List<Long> categories, List<Long> tags, long featuredMedia, Map<String, String> meta) {
}
