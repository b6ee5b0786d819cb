package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageGenerationCodecTest {
    @Test
    void theRequestIsOpenAisWithOrWithoutResponseFormat() {
        assertThat(ImageGenerationCodec.request("dall-e-3", "a \"loaf\"", "1024x1792", true)).isEqualTo(
                "{\"model\":\"dall-e-3\",\"prompt\":\"a \\\"loaf\\\"\",\"size\":\"1024x1792\",\"n\":1,"
                        + "\"response_format\":\"b64_json\"}");
        assertThat(ImageGenerationCodec.request("m", "p", "512x512", false)).doesNotContain("response_format");
    }

    @Test
    void base64IsDecodedWhateverComesBeforeIt() throws IOException {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        String b64 = Base64.getEncoder().encodeToString(bytes);
        var generated = read("{\"created\": 1, \"usage\": {\"total_tokens\": 5, \"detail\": [1, {\"a\": 2}]}, "
                + "\"data\": [{\"revised_prompt\": \"x\", \"b64_json\": \"" + b64.replace("/", "\\/") + "\"}, {\"url\": \"y\"}]}");
        assertThat(generated).isInstanceOfSatisfying(ImageGenerationCodec.Generated.Bytes.class,
                b -> assertThat(b.bytes()).isEqualTo(bytes));
    }

    @Test
    void aUrlIsReturnedAsALink() throws IOException {
        assertThat(read("{\"data\": [{\"url\": \"https://files.example/a.png?sig=1\"}]}"))
                .isEqualTo(new ImageGenerationCodec.Generated.Link("https://files.example/a.png?sig=1"));
    }

    @Test
    void repliesWithoutAnImageOrNotJsonAreRefused() {
        assertThatThrownBy(() -> read("{\"data\": []}")).hasMessageContaining("holds no image");
        assertThatThrownBy(() -> read("{\"data\": [{\"b64_json\": null}]}")).hasMessageContaining("holds no image");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("holds no image");
        assertThatThrownBy(() -> read("{\"data\": [{\"b64_json\": \"AAAA"))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("The image server's reply is not valid JSON (line 1");
    }

    @Test
    void errorSentencesAreFoundInEveryDialect() {
        assertThat(ImageGenerationCodec.errorMessage("{\"error\": {\"message\": \"bad size\", \"type\": \"x\"}}"))
                .contains("bad size");
        assertThat(ImageGenerationCodec.errorMessage("{\"error\": \"no model\"}")).contains("no model");
        assertThat(ImageGenerationCodec.errorMessage("{\"detail\": \"Not Found\"}")).contains("Not Found");
        assertThat(ImageGenerationCodec.errorMessage("{\"detail\": [{\"loc\": [\"body\"], \"msg\": \"field required\"}]}"))
                .contains("field required");
        assertThat(ImageGenerationCodec.errorMessage("<html>502 Bad Gateway</html>")).isEmpty();
        assertThat(ImageGenerationCodec.errorMessage("")).isEmpty();
    }

    private static ImageGenerationCodec.Generated read(String body) throws IOException {
        return ImageGenerationCodec.reply(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
