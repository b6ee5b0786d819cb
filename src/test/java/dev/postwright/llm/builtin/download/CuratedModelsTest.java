package dev.postwright.llm.builtin.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.llm.builtin.Bytes;
import java.net.URI;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CuratedModelsTest {
    @Test
    void everyModelIsPinnedToHuggingFaceByHttpsAndSha256() {
        assertThat(CuratedModels.all()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.url().getHost()).isEqualTo("huggingface.co");
            assertThat(m.url().getPath()).endsWith(".gguf");
            assertThat(m.sha256()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void findsAModelByItsShortName() {
        assertThat(CuratedModels.find("qwen2.5-1.5b-instruct")).map(CuratedModel::fileName)
                .contains("qwen2.5-1.5b-instruct.gguf");
        assertThat(CuratedModels.find("no-such-model")).isEmpty();
    }

    @Test
    void roundsSizesForPeople() {
        assertThat(Bytes.describe(1_117_320_736L)).isEqualTo("1.1 GB");
        assertThat(Bytes.describe(300_000_000L)).isEqualTo("300 MB");
    }

    @Test
    void refusesAHashThatIsNotLowercaseSha256() {
        assertThatThrownBy(() -> new CuratedModel("x", "X", 1, "MIT", "tests", URI.create("https://huggingface.co/x.gguf"),
                "ABC", OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
