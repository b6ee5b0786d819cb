package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.JobKind;
import dev.postwright.model.PublishRequest;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A publish job's request as the queue stores it, and back. */
class PublishRequestCodecTest {
    @Test
    void aRequestSurvivesTheRequestColumn() {
        var request = new PublishRequest("post-1", "Company blog", "future", LocalDateTime.of(2026, 12, 24, 9, 0),
                List.of("News"), List.of("rye", "bread"), true);
        String stored = JobInputCodec.encode(request);
        assertThat(stored).isEqualTo("{\"postId\":\"post-1\",\"site\":\"Company blog\",\"status\":\"future\","
                + "\"publishAt\":\"2026-12-24T09:00\",\"categories\":[\"News\"],\"tags\":[\"rye\",\"bread\"],"
                + "\"replaceSiteChanges\":true}");
        assertThat(JobInputCodec.decode(JobKind.PUBLISH, stored)).isEqualTo(request);
        assertThat(JobInputCodec.decode(JobKind.PUBLISH, JobInputCodec.encode(PublishRequest.draft("p", "Blog"))))
                .isEqualTo(PublishRequest.draft("p", "Blog"));
    }

    @Test
    void aDamagedRequestIsRefusedInWords() {
        assertThatThrownBy(() -> JobInputCodec.decode(JobKind.PUBLISH, "[1]"))
                .isInstanceOf(WireFormatException.class).hasMessage("A publish job's request must be a JSON object.");
        assertThatThrownBy(() -> JobInputCodec.decode(JobKind.PUBLISH, "{\"postId\":\"p\",\"publishAt\":\"soon\"}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("\"soon\" is not a date and time");
    }
}
