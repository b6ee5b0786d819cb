package dev.postwright.images.offline;

import dev.postwright.images.BrandColours;
import dev.postwright.images.CardText;
import dev.postwright.model.ImageQuality;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Offline card time (1200x630: layout, drawing and PNG encoding), against the floor any Java2D card
 * pays in the same run: one fillRect of the card's size and ImageIO's PNG encoding of it.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.images.offline.CardBenchmark</pre>
 */
public final class CardBenchmark {
    private static final int RUNS = 200;

    public static void main(String[] args) throws JobFailure {
        System.setProperty("java.awt.headless", "true");
        var maker = new OfflineImageMaker();
        var cancel = new CancellationToken();
        CardFonts fonts = CardLayoutTest.shippedFonts();
        var cards = new CardText[] {
            new CardText("How to Bake Sourdough Bread at Home: A Beginner's Guide", "sourdough bread", "how-to",
                    "Crumb & Co", new BrandColours("#1d3557", "#f4a261")),
            new CardText("7 Ways to Keep Your Starter Alive Through a Busy Week", "sourdough starter", "list",
                    "Crumb & Co", new BrandColours("#ffd166", null)),
            new CardText(CardLayoutTest.ENDLESS, "sourdough", "guide", CardLayoutTest.LONG_NAME,
                    new BrandColours("#777777", null))};
        System.out.printf(Locale.ROOT, "Java %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (CardText card : cards) maker.make(ImageRequest.ofCard(card, ImageSize.SOCIAL_CARD), cancel);
            baseline();
        }
        double[] floor = time(CardBenchmark::baseline);
        System.out.printf(Locale.ROOT, "baseline, fillRect + ImageIO.write png: median %.2f ms (p99 %.2f)%n",
                floor[RUNS / 2], floor[(int) (RUNS * 0.99)]);
        for (int i = 0; i < cards.length; i++) {
            CardText card = cards[i];
            for (ImageQuality quality : ImageQuality.values()) {
                var request = new ImageRequest(card.title(), null, ImageSize.SOCIAL_CARD, quality, card);
                int bytes = maker.make(request, cancel).bytes().length;
                double[] whole = time(() -> {
                    try {
                        maker.make(request, cancel);
                    } catch (JobFailure e) {
                        throw new IllegalStateException(e);
                    }
                });
                System.out.printf(Locale.ROOT, "card %d, %-8s: median %.2f ms (p99 %.2f), %.1fx the baseline, %,d bytes%n",
                        i + 1, quality.wireName(), whole[RUNS / 2], whole[(int) (RUNS * 0.99)],
                        whole[RUNS / 2] / floor[RUNS / 2], bytes);
            }
            double[] drawing = time(() -> CardRenderer.render(card, ImageSize.SOCIAL_CARD, fonts));
            System.out.printf(Locale.ROOT, "card %d, layout and drawing alone: median %.2f ms%n", i + 1, drawing[RUNS / 2]);
        }
    }

    private static void baseline() {
        var image = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x1d3557));
        g.fillRect(0, 0, 1200, 630);
        g.dispose();
        try {
            ImageIO.write(image, "png", new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] time(Runnable work) {
        double[] ms = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long t = System.nanoTime();
            work.run();
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }
}
