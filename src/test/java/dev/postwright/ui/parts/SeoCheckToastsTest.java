package dev.postwright.ui.parts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeoCheckToastsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "outbound-links | “Outbound links” no longer counts towards the SEO score.",
            "transition-words | “Transition words” no longer counts towards the readability verdict.",
            "a-later-check | “a-later-check” no longer counts towards the SEO score."})
    void theNoticeNamesTheCheckAndWhatItCountedTowards(String id, String notice) {
        assertThat(SeoCheckToasts.noticeFor(id)).isEqualTo(notice);
    }
}
