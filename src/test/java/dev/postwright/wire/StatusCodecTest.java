package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusCodecTest {
    @Test
    void writesCancelledAsFailedWithErrorCancelledAndReadsItBack() {
        var status = new JobStatus("j1", JobState.CANCELLED, 40, null, null, "Cancelled", "CANCELLED", null,
                Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T10:01:00Z"), 1, "ann", "Rye bread",
                Instant.parse("2026-11-21T10:01:00Z"), JobKind.BLOG);
        var json = StatusCodec.write(status);
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("error").asText()).isEqualTo("Cancelled");
        assertThat(json.get("result").isNull()).isTrue();
        assertThat(StatusCodec.read(json)).isEqualTo(status);
    }

    @Test
    void readsTheBackendsStatusObject() {
        var status = StatusCodec.read(Json.parse("""
                {"jobId": "j2", "status": "succeeded", "progress": 100, "currentStep": null,
                 "estimatedTimeRemaining": null, "error": null, "errorCode": null,
                 "result": {"success": true, "data": {"title": "T", "content": "C"}},
                 "createdAt": "2026-11-21T10:00:00.000Z", "updatedAt": "not a date"}""", "status"));
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.result().post().content()).isEqualTo("C");
        assertThat(status.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(status.updatedAt()).isNull();
    }

    @Test
    void refusesAStatusItCannotMap() {
        assertThatThrownBy(() -> StatusCodec.read(Json.parse("{\"status\": \"exploded\"}", "status")))
                .hasMessage("The job status \"exploded\" is not one Postwright knows.");
    }
}
