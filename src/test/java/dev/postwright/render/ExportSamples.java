package dev.postwright.render;

import dev.postwright.model.BlogPost;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/** A post with every construct the Word and PDF exports handle, and a real PNG in its library. */
final class ExportSamples {
    static final byte[] PNG = png(320, 180);
    static final ImageSources LIBRARY = id -> id.equals("img-1")
            ? Optional.of(new ImageSources.ImageData(PNG, "image/png", "0123456789abcdef0123")) : Optional.empty();

    static final String CONTENT = """
            # Sourdough at home

            Bake with **patience**, *care* and `flour`; read the [full guide](https://crumb.example/guide).

            ## The starter

            - Flour
            - Water
              - Warm, not hot

            1. Mix
            2. Wait a day

            > Good bread takes time.

            | Step | Minutes |
            |:-----|--------:|
            | Mix  | 5       |
            | Rest | 60      |

            ![A rye loaf on a board](postwright-image:img-1)

            [TWEET:0]

            [ARTICLE:0]

            ### Baking day

            Heat the oven: ünïcödé — Ελληνικά — Кириллица.
            """;

    static final BlogPost POST = new BlogPost("Sourdough at home", "A patient guide", CONTENT,
            "How to keep a starter and bake a loaf.", List.of("baking", "bread"), List.of("sourdough"), null,
            List.of(), List.of(), null, null, PostRendererGoldenTest.EMBEDS);

    /** Script in every place a post holds text or links. */
    static final BlogPost HOSTILE = new BlogPost("<script>alert(1)</script> Rye", null, """
            Hi <img src=x onerror=alert(2)> and [click](javascript:alert(4)) and [data](data:text/html,<script>x</script>).

            <div>
            <script>alert(3)</script>
            </div>

            <a href="javascript:alert(6)">x</a>

            [VIDEO:0]

            ![pixel](javascript:alert(7))
            """, null, List.of(), List.of(), null, List.of(), List.of(), null, null, PostRendererGoldenTest.EMBEDS);

    private ExportSamples() {}

    private static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xC2410C));
        g.fillRect(0, 0, width, height);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
