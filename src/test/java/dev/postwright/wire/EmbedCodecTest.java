package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import org.junit.jupiter.api.Test;

/** Embeds go back as they came, and those made here get the canonical names. */
class EmbedCodecTest {
    @Test
    void aTweetReadFromAProducerIsWrittenBackAsSentAndReadTheSameAgain() {
        var sent = Json.parse("{\"author_name\": \"Ann\", \"author_handle\": \"ann\", \"text\": \"Rye\", \"lang\": \"en\"}",
                "tweet");
        Tweet read = EmbedCodec.readTweet(sent);

        assertThat(read.author()).isEqualTo("Ann");
        assertThat(read.handle()).isEqualTo("ann");
        assertThat(EmbedCodec.writeTweet(read)).isEqualTo(sent);
        assertThat(EmbedCodec.readTweet(EmbedCodec.writeTweet(read))).isEqualTo(read);
    }

    @Test
    void embedsMadeHereAreWrittenWithTheCanonicalNames() {
        var tweet = EmbedCodec.writeTweet(new Tweet("u", "Ann", "ann", "Rye", 3L, null, true));
        assertThat(Json.write(tweet))
                .isEqualTo("{\"url\":\"u\",\"author\":\"Ann\",\"handle\":\"ann\",\"text\":\"Rye\",\"likes\":3,\"verified\":true}");
        var video = EmbedCodec.writeVideo(new Video("u", "v1", "T", null, null, null, null, null, null, null, "5m"));
        assertThat(video.get("videoId").asText()).isEqualTo("v1");
        assertThat(video.has("duration")).isTrue();
    }
}
