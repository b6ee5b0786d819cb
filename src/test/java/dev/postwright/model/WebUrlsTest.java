package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one "is this a web address" check that briefs, settings and the command line share. */
class WebUrlsTest {
    @ParameterizedTest(name = "\"{0}\" is a web address: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/page     | true",
            "  HTTP://localhost:11434/v1  | true",
            "http://127.0.0.1:9           | true",
            "localhost:11434              | false",
            "https://                     | false",
            "javascript:alert(1)          | false",
            "/relative/path               | false",
            "ftp://example.com            | false"})
    void aWebAddressStartsWithHttpOrHttpsAndHasMore(String url, boolean expected) {
        assertThat(WebUrls.isWebAddress(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"https://ok.example/kit) [pwn](javascript:alert(9)", "https://a b.example"})
    void theStricterSingleUrlCheckRefusesWhatAWebAddressAllows(String url) {
        assertThat(WebUrls.isWebAddress(url)).isTrue();
        assertThat(WebUrls.isSingleWebUrl(url)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsNotAWebAddress() {
        assertThat(WebUrls.isWebAddress(null)).isFalse();
    }
}
