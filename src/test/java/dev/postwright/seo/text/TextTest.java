package dev.postwright.seo.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {
    @Test
    void wordsKeepInnerApostrophesAndHyphens() {
        assertThat(Words.of("Don't over-proof the dough — it's 3 hours, tops!"))
                .containsExactly("Don't", "over-proof", "the", "dough", "it's", "3", "hours", "tops");
        assertThat(Words.count("Don't over-proof the dough — it's 3 hours, tops!")).isEqualTo(8);
        assertThat(Words.count("  ")).isZero();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Bakers, baker", "loaves, loave", "berries, berry", "bunches, bunch", "baker's, baker", "glass, glass",
            "focus, focus", "basis, basis", "Bread, bread"})
    void stemsForgiveSimpleInflection(String word, String stem) {
        assertThat(Words.stem(word)).isEqualTo(stem);
    }

    @Test
    void sentencesSplitAtEndsButNotAtAbbreviationsOrDecimals() {
        assertThat(Sentences.of("Feed it daily, e.g. at 8 a.m. when you wake. Dr. Lee agrees! Use 3.5 cups? Yes."))
                .containsExactly("Feed it daily, e.g. at 8 a.m. when you wake.", "Dr. Lee agrees!", "Use 3.5 cups?",
                        "Yes.");
        assertThat(Sentences.of("He said \"wait.\" Then it rose. J. Smith baked it.")).containsExactly(
                "He said \"wait.\"", "Then it rose.", "J. Smith baked it.");
        assertThat(Sentences.of("no end punctuation")).containsExactly("no end punctuation");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"cat, 1", "bread, 1", "baker, 2", "table, 2", "sourdough, 2", "fermentation, 4", "make, 1",
            "started, 2", "baked, 1", "yes, 1", "readability, 5", "a, 1"})
    void syllables(String word, int expected) {
        assertThat(Syllables.count(word)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "The loaf was baked at dawn.          | true",
            "The rules are often ignored.         | true",
            "The bread is written about widely.   | true",
            "She got fired from the bakery.       | true",
            "We baked the loaf at dawn.           | false",
            "The dough is ready and red.          | false",
            "It was indeed a good loaf.           | false",
            "Starters are used daily.             | false"})
    void passiveVoice(String sentence, boolean passive) {
        assertThat(PassiveVoice.isPassive(Words.of(sentence))).isEqualTo(passive);
    }

    @Test
    void transitionPhrasesAreFoundWholeOnly() {
        assertThat(TransitionWords.occurIn(Words.of("For example, rye needs less water."))).isTrue();
        assertThat(TransitionWords.occurIn(Words.of("It rose; as a result the crumb opened."))).isTrue();
        assertThat(TransitionWords.occurIn(Words.of("For the example loaf we used rye."))).isFalse();
    }

    @Test
    void keyphraseMatchesOnContentWords() {
        var keyphrase = Keyphrase.of("How to bake sourdough bread");
        assertThat(keyphrase.contentWordCount()).isEqualTo(3);
        assertThat(keyphrase.isAllIn("Baking? Bread from sourdough is how we bake.")).isTrue();
        assertThat(keyphrase.isAllIn("Sourdough bread rises slowly.")).isFalse();
        assertThat(Keyphrase.of("how to").contentWordCount()).as("only function words: all count").isEqualTo(2);
        assertThat(Keyphrase.of("  ").isSet()).isFalse();
    }

    @Test
    void markdownIsReducedToProseWithImagesLinksAndSections() {
        var post = PostTexts.of("""
                # Sourdough basics

                Intro with a [link](https://a.example/x) and `code`. Second sentence here.

                [TWEET:0]

                ![IMAGE:featured:A crusty sourdough loaf]

                ## Feeding

                - Feed it daily.
                - Keep it warm.

                > Patience pays, says [a baker](https://quote.example/).

                ```
                not prose at all
                ```

                <div>raw html is not prose</div>

                ![Crumb shot](crumb.jpg)

                | a | b |
                |---|---|
                | table | cells |
                """, new PostTexts.Meta("T", "M", "s", "sourdough", "a.example", 0));
        assertThat(post.headings()).extracting(PostText.Heading::level).containsExactly(1, 2);
        assertThat(post.paragraphs()).extracting(PostText.Paragraph::text).containsExactly(
                "Intro with a link and code. Second sentence here.", "Feed it daily.", "Keep it warm.", "a", "b", "table",
                "cells");
        assertThat(post.sentences()).as("a quote is someone else's words; a table's cells are prose").hasSize(8);
        assertThat(post.links()).as("so are its links").containsExactly(new PostText.Link("https://a.example/x", "link"));
        assertThat(post.images()).as("a placeholder is not an image").extracting(PostText.Image::alt)
                .containsExactly("Crumb shot");
        assertThat(post.wordCount()).isEqualTo(9 + 3 + 3 + 4);
        assertThat(post.sectionWordCounts()).containsExactly(9, 10);
        assertThat(post.introduction().text()).startsWith("Intro with");
    }

    @Test
    void emptyAndNullMarkdownAreEmptyPosts() {
        var meta = new PostTexts.Meta(null, null, null, null, null, 0);
        for (String markdown : new String[] {null, "", "   \n\n "}) {
            var post = PostTexts.of(markdown, meta);
            assertThat(post.wordCount()).isZero();
            assertThat(post.sentences()).isEqualTo(List.of());
            assertThat(post.title()).isEmpty();
        }
    }
}
