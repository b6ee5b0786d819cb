package dev.postwright.render;

import dev.postwright.model.BlogPost;
import dev.postwright.model.ImageRefs;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writing a typical post as Word and as PDF against writing it as the HTML export, in one run:
 * the 12 KB post of {@link RenderBenchmark} (headings, lists, links, a table, embeds) with a
 * 1600x900 featured picture from the library. Each export is the whole file's bytes, as
 * {@link ExportFormat#export} returns them; the disk write is left out (it is the same for all).
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.render.ExportBenchmark</pre>
 */
public final class ExportBenchmark {
    public static void main(String[] args) throws IOException {
        byte[] picture = picture();
        ImageSources library = id -> Optional.of(new ImageSources.ImageData(picture, "image/png", "00112233445566778899"));
        String content = RenderBenchmark.post12k().replaceFirst("\n\n", "\n\n" + ImageRefs.markdown("A loaf", "img-1") + "\n\n");
        BlogPost post = new BlogPost("Sourdough for beginners", "A patient guide", content, "How to bake it.",
                List.of("bread"), List.of("sourdough"), null, List.of(), List.of(), null, null, PostRendererGoldenTest.EMBEDS);
        var renderer = new PostRenderer(library);
        LocalDate day = LocalDate.of(2026, 12, 2);
        ExportFormat[] formats = {ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.PDF};
        System.out.printf(Locale.ROOT, "Java %s, %d cores; post %,d chars, picture %,d bytes%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), content.length(), picture.length);
        for (ExportFormat format : formats) {
            long t = System.nanoTime();
            int size = format.export(post, renderer, day, Path.of("post." + format.extensions.getFirst())).bytes().length;
            System.out.printf(Locale.ROOT, "first %s export in this JVM: %.0f ms, %,d bytes%n", format, (System.nanoTime() - t) / 1e6,
                    size);
        }
        long warmUntil = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (ExportFormat format : formats) format.export(post, renderer, day, Path.of("post.x"));
        }
        // Interleaved rounds, so drift on a shared machine hits every format alike.
        int rounds = 11;
        double[][] ms = new double[formats.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int f = 0; f < formats.length; f++) ms[f][r] = median(formats[f], post, renderer, day, 5);
        }
        for (int f = 0; f < formats.length; f++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = ms[f][r] / ms[0][r];
            double[] sorted = ms[f].clone();
            Arrays.sort(sorted);
            Arrays.sort(ratio);
            System.out.printf(Locale.ROOT, "%s: median %.1f ms (min %.1f, max %.1f); vs HTML median %.1fx (min %.1fx, max %.1fx)%n",
                    formats[f], sorted[rounds / 2], sorted[0], sorted[rounds - 1], ratio[rounds / 2], ratio[0],
                    ratio[rounds - 1]);
        }
    }

    private static double median(ExportFormat format, BlogPost post, PostRenderer renderer, LocalDate day, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            if (format.export(post, renderer, day, Path.of("post.x")).bytes().length == 0) {
                throw new IllegalStateException("nothing written");
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** A photo-sized PNG that does not compress to nothing: a gradient with noise. */
    private static byte[] picture() throws IOException {
        var image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xC2410C), 1600, 900, new Color(0x0B5CAD)));
        g.fillRect(0, 0, 1600, 900);
        g.dispose();
        var random = new Random(7);
        for (int i = 0; i < 200_000; i++) image.setRGB(random.nextInt(1600), random.nextInt(900), random.nextInt());
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
