package dev.postwright.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageBytesTest {
    @Test
    void aPngIsReadWithItsSize() throws Exception {
        assertThat(ImageBytes.inspect(TestImages.png(320, 200))).isEqualTo(new ImageBytes.Picture("image/png", 320, 200));
    }

    @Test
    void aJpegIsReadWithItsSize() throws Exception {
        assertThat(ImageBytes.inspect(TestImages.jpeg(64, 48))).isEqualTo(new ImageBytes.Picture("image/jpeg", 64, 48));
    }

    @Test
    void aWebpIsReadFromItsHeader() throws Exception {
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("python-16x16.webp")) {
            webp = in.readAllBytes();
        }
        assertThat(ImageBytes.inspect(webp)).isEqualTo(new ImageBytes.Picture("image/webp", 16, 16));
        assertThatThrownBy(() -> ImageBytes.inspect(Arrays.copyOf(webp, webp.length - 40)))
                .isInstanceOfSatisfying(ImageBytes.NotAnImageException.class, e -> assertThat(e.broken()).isTrue());
    }

    @Test
    void aPngCutShortIsRefusedAsBroken() {
        byte[] png = TestImages.png(320, 200);
        for (int keep : new int[] {20, png.length / 2, png.length - 1}) {
            assertThatThrownBy(() -> ImageBytes.inspect(Arrays.copyOf(png, keep)))
                    .isInstanceOfSatisfying(ImageBytes.NotAnImageException.class, e -> {
                        assertThat(e.broken()).isTrue();
                        assertThat(e.getMessage()).contains("PNG").contains("stops short");
                    });
        }
    }

    @Test
    void aPngWithDamagedDataButItsEndIntactIsRefused() {
        byte[] png = TestImages.png(320, 200);
        byte[] damaged = png.clone();
        // Keep signature, IHDR and the IEND trailer; scramble what lies between.
        for (int i = 40; i < damaged.length - 12; i++) damaged[i] = (byte) (damaged[i] ^ 0x5a);
        assertThatThrownBy(() -> ImageBytes.inspect(damaged))
                .isInstanceOfSatisfying(ImageBytes.NotAnImageException.class,
                        e -> assertThat(e.getMessage()).contains("damaged PNG"));
    }

    @Test
    void aJpegWithoutItsEndMarkerIsRefused() {
        byte[] jpeg = TestImages.jpeg(64, 48);
        assertThatThrownBy(() -> ImageBytes.inspect(Arrays.copyOf(jpeg, jpeg.length - 100)))
                .isInstanceOfSatisfying(ImageBytes.NotAnImageException.class, e -> assertThat(e.broken()).isTrue());
    }

    @Test
    void aPngClaimingAHugePictureIsRefusedBeforeDecoding() {
        byte[] png = TestImages.png(32, 32);
        ByteBuffer.wrap(png).putInt(16, 100_000).putInt(20, 100_000);
        assertThatThrownBy(() -> ImageBytes.inspect(png)).isInstanceOfSatisfying(ImageBytes.NotAnImageException.class,
                e -> assertThat(e.getMessage()).contains("100000x100000").contains("8192"));
    }

    @Test
    void whatIsNotAnImageIsNamed() {
        assertThat(describe("<!DOCTYPE html><html><body>Sign in</body></html>")).isEqualTo("a web page (HTML)");
        assertThat(describe("  <html>")).isEqualTo("a web page (HTML)");
        assertThat(describe("{\"error\": \"no\"}")).isEqualTo("JSON");
        assertThat(describe("Internal Server Error")).isEqualTo("text");
        assertThat(describe("")).isEqualTo("nothing (an empty body)");
        assertThat(ImageBytes.describe(new byte[] {1, 2, 3, (byte) 0xfe})).isEqualTo("data of an unknown kind");
    }

    private static String describe(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            ImageBytes.inspect(bytes);
            throw new AssertionError("taken as an image: " + text);
        } catch (ImageBytes.NotAnImageException e) {
            assertThat(e.broken()).isFalse();
            return e.getMessage();
        }
    }

    @Test
    void sizesAreReadAsOpenAiWritesThem() {
        assertThat(ImageSize.parse("1024x1792")).isEqualTo(new ImageSize(1024, 1792));
        assertThat(ImageSize.parse(" 1200 × 630 ")).isEqualTo(ImageSize.SOCIAL_CARD);
        assertThat(ImageSize.SQUARE).hasToString("1080x1080");
        assertThatThrownBy(() -> ImageSize.parse("large")).hasMessageContaining("\"large\" is not an image size");
        assertThatThrownBy(() -> ImageSize.parse("0x10")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brandColoursAreCheckedAndNormalized() throws IOException {
        assertThat(new BrandColours(" #ABC ", "")).isEqualTo(new BrandColours("#aabbcc", null));
        assertThat(new BrandColours("#1d3557", "#F4A261").accentRgb()).isEqualTo(0xf4a261);
        assertThatThrownBy(() -> new BrandColours("navy", null)).hasMessageContaining("primary").hasMessageContaining("navy");
    }
}
