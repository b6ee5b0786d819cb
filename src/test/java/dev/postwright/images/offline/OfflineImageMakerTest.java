package dev.postwright.images.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.images.BrandColours;
import dev.postwright.images.CardText;
import dev.postwright.images.ImageBytes;
import dev.postwright.model.ImageQuality;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageRequests;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class OfflineImageMakerTest {
    static final CardText SOURDOUGH = new CardText("How to Bake Sourdough Bread at Home", "sourdough bread", "how-to",
            "Crumb & Co", new BrandColours("#1d3557", "#f4a261"));
    private final OfflineImageMaker maker = new OfflineImageMaker();
    private final CancellationToken cancel = new CancellationToken();

    @ParameterizedTest
    @FieldSource("dev.postwright.images.offline.OfflineImageMaker#SIZES")
    void makesARealPngOfEachSize(ImageSize size) throws Exception {
        MadeImage made = maker.make(ImageRequest.ofCard(SOURDOUGH, size), cancel);
        BufferedImage decoded = decode(made);
        assertThat(decoded.getWidth()).isEqualTo(size.width());
        assertThat(decoded.getHeight()).isEqualTo(size.height());
        assertThat(made.mediaType()).isEqualTo("image/png");
        assertThat(made.size()).isEqualTo(size);
        assertThat(made.source()).isEqualTo("offline");
        assertThat(made.sha256()).isEqualTo(MadeImage.sha256(made.bytes())).hasSize(64);
        assertThat(ImageBytes.inspect(made.bytes())).isEqualTo(new ImageBytes.Picture("image/png", size.width(),
                size.height()));
    }

    @Test
    void rendersWithoutADisplay() throws Exception {
        // Surefire runs with java.awt.headless=true, as serve does on a machine without X.
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(decode(maker.make(ImageRequest.ofCard(SOURDOUGH, ImageSize.SQUARE), cancel)).getWidth()).isEqualTo(1080);
    }

    @Test
    void theSameCardGivesTheSameBytes() throws Exception {
        var request = ImageRequest.ofCard(SOURDOUGH, ImageSize.SOCIAL_CARD);
        MadeImage first = maker.make(request, cancel);
        MadeImage again = new OfflineImageMaker().make(request, cancel);
        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void everyPartOfTheCardChangesTheImage() throws Exception {
        var colours = SOURDOUGH.colours();
        Set<String> hashes = new HashSet<>();
        for (CardText card : new CardText[] {SOURDOUGH,
                new CardText("How to Bake Rye Bread at Home", "sourdough bread", "how-to", "Crumb & Co", colours),
                new CardText(SOURDOUGH.title(), "rye bread", "how-to", "Crumb & Co", colours),
                new CardText(SOURDOUGH.title(), "sourdough bread", "guide", "Crumb & Co", colours),
                new CardText(SOURDOUGH.title(), "sourdough bread", "how-to", "Loaf Ltd", colours),
                new CardText(SOURDOUGH.title(), "sourdough bread", "how-to", "Crumb & Co", new BrandColours("#1d3558", null))}) {
            hashes.add(maker.make(ImageRequest.ofCard(card, ImageSize.SOCIAL_CARD), cancel).sha256());
        }
        assertThat(hashes).hasSize(6);
    }

    @Test
    void qualityChangesTheFileNotThePicture() throws Exception {
        var draft = maker.make(new ImageRequest("p", null, ImageSize.SOCIAL_CARD, ImageQuality.DRAFT, SOURDOUGH), cancel);
        var high = maker.make(new ImageRequest("p", null, ImageSize.SOCIAL_CARD, ImageQuality.HIGH, SOURDOUGH), cancel);
        assertThat(high.bytes().length).isLessThan(draft.bytes().length);
        assertThat(pixels(decode(high))).isEqualTo(pixels(decode(draft)));
    }

    @Test
    void aPromptAloneBecomesTheTitle() throws Exception {
        var made = maker.make(ImageRequest.ofPrompt("Sourdough starter on a kitchen shelf", ImageSize.FEATURED), cancel);
        assertThat(decode(made).getWidth()).isEqualTo(1600);
    }

    @Test
    void requestsItCannotTakeAreRefusedWithASentence() {
        assertThatThrownBy(() -> maker.make(ImageRequest.ofPrompt("card", new ImageSize(500, 500)), cancel))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.errorCode()).isEqualTo(ImageRequests.INVALID);
                    assertThat(f.isTransient()).isFalse();
                    assertThat(f.getMessage()).isEqualTo("An image of 500x500 cannot be made: the offline maker draws "
                            + "1200x630 (social card), 1080x1080 (square) and 1600x900 (featured) images.");
                });
        assertThatThrownBy(() -> maker.make(ImageRequest.ofPrompt("  ", ImageSize.SQUARE), cancel))
                .hasMessage("The image has no prompt: describe the picture to make.");
        assertThatThrownBy(() -> maker.make(ImageRequest.ofPrompt("x".repeat(4_001), ImageSize.SQUARE), cancel))
                .hasMessage("The image prompt is 4,001 characters long; shorten it to at most 4,000.");
    }

    @Test
    void aCancelledJobDrawsNothing() {
        cancel.cancel(CancellationToken.Reason.CANCELLED);
        assertThatThrownBy(() -> maker.make(ImageRequest.ofCard(SOURDOUGH, ImageSize.SQUARE), cancel))
                .isInstanceOf(JobCancelledException.class);
    }

    static BufferedImage decode(MadeImage made) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(made.bytes()));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
