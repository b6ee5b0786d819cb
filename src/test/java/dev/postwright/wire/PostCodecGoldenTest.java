package dev.postwright.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.BlogPost;
import dev.postwright.model.BlogPost.GenerationMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post's generation metadata: the protocol's fields, and Postwright's scaffold flag. */
class PostCodecGoldenTest {

    private static BlogPost post(GenerationMetadata metadata) {
        return new BlogPost("Sourdough", null, "# Sourdough", null, List.of(), List.of(), null, List.of(), List.of(),
                null, metadata, null);
    }

    private static String metadataJson(BlogPost post) {
        return Json.write(PostCodec.write(post).get("generationMetadata"));
    }

    @Test
    void aScaffoldSaysSoInItsGenerationMetadata() {
        var scaffold = post(new GenerationMetadata("postwright-offline-scaffold", 120L, 0L, true));
        assertThat(Json.parse(metadataJson(scaffold), "out")).isEqualTo(Json.parse("""
                {"model": "postwright-offline-scaffold", "duration": 120, "tokensUsed": 0, "scaffold": true}""",
                "expected"));
        assertThat(PostCodec.read(PostCodec.write(scaffold))).isEqualTo(scaffold);
    }

    @Test
    void proseCarriesNoFlagAndPostsWithoutOneAreProse() {
        var prose = post(new GenerationMetadata("gpt-4o", 41234L, 3120L));
        assertThat(Json.parse(metadataJson(prose), "out")).isEqualTo(Json.parse("""
                {"model": "gpt-4o", "duration": 41234, "tokensUsed": 3120}""", "expected"));
        var read = PostCodec.read(Json.parse("""
                {"title": "t", "content": "c", "generationMetadata": {"model": "gpt-4o"}}""", "in"));
        assertThat(read.generationMetadata().scaffold()).isFalse();
    }
}
