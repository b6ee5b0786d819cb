package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.model.ContextSummary;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints live in users' databases: the JSON of each stays readable across versions. */
class CheckpointCodecGoldenTest {

    private static <T> void assertStored(CheckpointCodec<T> codec, T value, String stored) {
        assertThat(Json.parse(codec.write(value), "out")).isEqualTo(Json.parse(stored, "expected"));
        assertThat(codec.read(stored)).isEqualTo(value);
    }

    @Test
    void outlineIsTitleKindAndSectionsWithTheirPoints() {
        assertStored(CheckpointCodec.OUTLINE, new Outline("Sourdough", "how-to",
                List.of(new Outline.Section("Feed the starter", List.of("Flour", "Water")))), """
                {"title": "Sourdough", "kind": "how-to",
                 "sections": [{"heading": "Feed the starter", "points": ["Flour", "Water"]}]}""");
    }

    @Test
    void draftIsItsMarkdownAndTokens() {
        assertStored(CheckpointCodec.DRAFT, new Draft("# Sourdough\n\nBake it.", 812),
                "{\"markdown\": \"# Sourdough\\n\\nBake it.\", \"tokensUsed\": 812}");
    }

    @Test
    void contextIsTheContextResultsData() {
        assertStored(CheckpointCodec.CONTEXT, new ContextSummary("acme", 75.0, true, false, true), """
                {"organizationId": "acme", "completenessScore": 75,
                 "availability": {"has_blog_content": true, "has_cta_data": false, "has_internal_links": true,
                                  "completeness_score": 75}}""");
    }

    @Test
    void aDamagedCheckpointIsAWireFormatException() {
        assertThatThrownBy(() -> CheckpointCodec.DRAFT.read("{\"tokensUsed\": 3}"))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> CheckpointCodec.OUTLINE.read("{\"title\": "))
                .isInstanceOf(WireFormatException.class);
    }
}
