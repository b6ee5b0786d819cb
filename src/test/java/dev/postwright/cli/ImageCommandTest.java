package dev.postwright.cli;

import static dev.postwright.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code postwright image}: a picture from a prompt, offline or from an image server on loopback. */
class ImageCommandTest {
    @TempDir Path dir;

    @Test
    void offlineItWritesARealPngOfTheSizeAsked() throws Exception {
        Path out = dir.resolve("cards/card.png");
        CommandRun made = run("image", "--prompt", "Sourdough at home", "--size", "1080x1080", "--out", out.toString());

        assertThat(made.exit()).as(made.err()).isZero();
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(1080);
        assertThat(png.getHeight()).isEqualTo(1080);
        assertThat(made.out()).contains("Wrote " + out, "1080x1080", "image/png", "offline");
    }

    @Test
    void badRequestsAreRefusedInWordsAndWriteNothing() {
        Path out = dir.resolve("card.png");
        record Case(String[] args, String says) {}
        for (Case c : new Case[] {
                new Case(new String[] {"--prompt", "Rye", "--out", dir.resolve("card.gif").toString()}, ".png, .jpg or .webp"),
                new Case(new String[] {"--prompt", "Rye", "--size", "huge", "--out", out.toString()}, "not an image size"),
                new Case(new String[] {"--prompt", "Rye", "--size", "640x480", "--out", out.toString()}, "cannot be made"),
                new Case(new String[] {"--prompt", "  ", "--out", out.toString()}, "no prompt"),
                new Case(new String[] {"--prompt", "Rye", "--quality", "ultra", "--out", out.toString()}, "draft, standard or high"),
                new Case(new String[] {"--prompt", "Rye", "--image-model", "sd", "--out", out.toString()}, "needs --image-url")}) {
            String[] args = new String[c.args().length + 1];
            args[0] = "image";
            System.arraycopy(c.args(), 0, args, 1, c.args().length);
            CommandRun refused = run(args);
            assertThat(refused.exit()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).as(String.join(" ", args)).contains(c.says());
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void anImageServerSpeakingOpenAisFormatMakesThePictureAndARefusalIsASentence() throws Exception {
        var picture = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        try (var server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"created\": 1, \"data\": [{\"b64_json\": \"" + Base64.getEncoder().encodeToString(png.toByteArray())
                            + "\"}]}").build());
            server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .body("{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\"}}")
                    .build());
            server.start();
            Path out = dir.resolve("photo.png");
            String url = server.url("/").toString();

            CommandRun made = run("image", "--prompt", "A rye loaf on a board", "--size", "256x256", "--out",
                    out.toString(), "--image-url", url, "--image-model", "sd-turbo");
            assertThat(made.exit()).as(made.err()).isZero();
            assertThat(Files.readAllBytes(out)).isEqualTo(png.toByteArray());
            assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/images/generations");

            Path refusedOut = dir.resolve("refused.png");
            CommandRun refused = run("image", "--prompt", "A rye loaf", "--size", "256x256", "--out", refusedOut.toString(),
                    "--image-url", url, "--image-model", "sd-turbo");
            assertThat(refused.exit()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(refused.err()).containsIgnoringCase("key");
            assertThat(refusedOut).doesNotExist();
        }
    }
}
