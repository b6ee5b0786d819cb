package dev.postwright.seo.checks;

import static dev.postwright.seo.Posts.post;
import static dev.postwright.seo.Posts.words;
import static dev.postwright.seo.checks.KeyphraseChecksTest.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The non-keyphrase SEO checks at each band of seo-checks.md. */
class SiteChecksTest {

    @ParameterizedTest(name = "{0} words → {1}")
    @CsvSource({"300, 9", "1200, 9", "299, 6", "250, 6", "249, 3", "200, 3", "199, -10", "100, -10", "99, -20", "0, -20"})
    void textLength(int words, int expected) {
        var post = post(words(words));
        assertThat(post.wordCount()).isEqualTo(words);
        assertThat(score(new TextLength(), post)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Read [the study](https://science.example/rise).         | 9 | 3",
            "Read [our guide](/guides/rye) and [more](guides/spelt). | 3 | 9",
            "Read [our guide](https://www.bakery.example/guide).     | 3 | 9",
            "Read [the shop](https://shop.bakery.example/).          | 3 | 9",
            "Write to [us](mailto:hello@bakery.example) or see [top](#top). | 3 | 3",
            "See https://science.example/rise for the numbers.      | 9 | 3",
            "No links at all here.                                   | 3 | 3"})
    void outboundAndInternalLinks(String text, int outbound, int internal) {
        var post = post(text);
        assertThat(score(new OutboundLinks(), post)).as("outbound").isEqualTo(outbound);
        assertThat(score(new InternalLinks(), post)).as("internal").isEqualTo(internal);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Sourdough for Beginners                                                              | 9",
            "Sourdough for Beginners: Your First Loaf in Three Easy Days                          | 9",
            "Sourdough for Beginners: Your First Loaf in Three Easy Days, Plus a Rye Bonus Recipe | 3",
            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW                                               | 3"})
    void seoTitleWidth(String title, int expected) {
        assertThat(score(new SeoTitleWidth(), post(words(20), "", title, "", 0))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aMissingTitleIsAProblem() {
        assertThat(score(new SeoTitleWidth(), post(words(20), "", " ", "", 0))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} characters → {1}")
    @CsvSource({"0, 1", "60, 6", "120, 6", "121, 9", "140, 9", "156, 9", "157, 6", "300, 6"})
    void metaDescriptionLength(int length, int expected) {
        assertThat(score(new MetaDescriptionLength(), post(words(20), "", "", "m".repeat(length), 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} H1 → {1}")
    @CsvSource({"0, 8", "1, 8", "2, 1", "3, 1"})
    void singleH1(int h1s, int expected) {
        var markdown = new StringBuilder();
        for (int i = 0; i < h1s; i++) markdown.append("# Title ").append(i).append("\n\n").append(words(20)).append("\n\n");
        markdown.append("## Section\n\n").append(words(20));
        assertThat(score(new SingleH1(), post(markdown.toString()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"No pictures here. | 3", "![A loaf](loaf.jpg) | 9", "![CHART:bar:Rise times by hour] | 3", "![A loaf](postwright-image:img-1) | 9"})
    void images(String markdown, int expected) {
        assertThat(score(new ImagesPresent(), post(words(20) + "\n\n" + markdown))).isEqualTo(expected);
    }
}
