package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The picture formats kept, shown and exported: PNG, JPEG and WebP, never SVG. */
class PictureTypesTest {
    @Test
    void picturesByMediaTypeAndFileName() {
        assertThat(PictureTypes.isPicture("image/png")).isTrue();
        assertThat(PictureTypes.isPicture("image/svg+xml")).isFalse();
        assertThat(PictureTypes.isPicture(null)).isFalse();
        assertThat(PictureTypes.extension("image/jpeg")).contains("jpg");
        assertThat(PictureTypes.extension("text/html")).isEmpty();
        assertThat(PictureTypes.ofFileName("card.JPEG")).contains("image/jpeg");
        assertThat(PictureTypes.ofFileName("card.webp")).contains("image/webp");
        assertThat(PictureTypes.ofFileName("card.gif")).isEmpty();
        assertThat(PictureTypes.ofFileName("card")).isEmpty();
    }
}
