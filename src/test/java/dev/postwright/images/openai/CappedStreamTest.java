package dev.postwright.images.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CappedStreamTest {
    @Test
    void aBodyOfExactlyTheCapIsReadWhole() throws IOException {
        try (var in = new CappedStream(new ByteArrayInputStream(new byte[1000]), 1000)) {
            assertThat(in.readAllBytes()).hasSize(1000);
        }
    }

    @Test
    void oneByteMoreIsRefusedHavingReadOnlyOnePastTheCap() {
        var source = new ByteArrayInputStream(new byte[10_000]);
        assertThatThrownBy(() -> new CappedStream(source, 1000).readAllBytes())
                .isInstanceOf(CappedStream.TooLargeException.class);
        assertThat(source.available()).isEqualTo(10_000 - 1001);
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        var in = new CappedStream(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();
        assertThatThrownBy(in::read).isInstanceOf(CappedStream.TooLargeException.class);
    }
}
