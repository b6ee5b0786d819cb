package dev.postwright.publish.wordpress;

import java.net.URI;

/** An image the site now holds: its media id (for {@code featured_media}) and its address. */
public record UploadedMedia(long id, URI sourceUrl, String altText) {
}
