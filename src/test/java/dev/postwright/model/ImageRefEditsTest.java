package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.ImageRefEdits.Edit;
import dev.postwright.model.ImageRefEdits.Ref;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefEditsTest {
    static final String LOAF = "![A rye loaf](postwright-image:img-1)";
    static final String CRUMB = "![The crumb](postwright-image:img-2)";

    @Test
    void findsEveryReferenceWithItsAltTextAndId() {
        String md = "# Rye\n\n" + LOAF + "\n\nText with " + CRUMB + " inline, and " + LOAF + " again.\n";
        assertThat(ImageRefEdits.refs(md)).extracting(Ref::id).containsExactly("img-1", "img-2", "img-1");
        assertThat(ImageRefEdits.refs(md).getFirst().alt()).isEqualTo("A rye loaf");
        assertThat(ImageRefEdits.ids(md)).containsExactly("img-1", "img-2");
        assertThat(ImageRefEdits.altOf(md, "img-2")).contains("The crumb");
        assertThat(ImageRefEdits.altOf(md, "img-3")).isEmpty();
    }

    @Test
    void referencesInCodeAreTextNotImages() {
        String md = "Intro\n\n```markdown\n" + LOAF + "\n```\n\nWrite `" + CRUMB + "` to show one.\n\n~~~~\n" + CRUMB
                + "\n~~~\n" + CRUMB + "\n~~~~\n\n" + CRUMB + "\n";
        assertThat(ImageRefEdits.refs(md)).hasSize(1);
        assertThat(ImageRefEdits.refs(md).getFirst().start()).isEqualTo(md.lastIndexOf(CRUMB));
        assertThat(ImageRefEdits.remove(md, "img-1")).isEqualTo(md);
        assertThat(ImageRefEdits.replace(md, "img-2", "img-9"))
                .isEqualTo(md.substring(0, md.lastIndexOf(CRUMB)) + "![The crumb](postwright-image:img-9)\n");
    }

    @Test
    void anUnclosedFenceRunsToTheEnd() {
        assertThat(ImageRefEdits.refs("Text\n\n```\n" + LOAF + "\n")).isEmpty();
    }

    @Test
    void anEscapedBangIsALinkNotAnImage() {
        assertThat(ImageRefEdits.refs("\\" + LOAF)).isEmpty();
        assertThat(ImageRefEdits.refs("\\\\" + LOAF)).hasSize(1); // an escaped backslash, then the image
    }

    @Test
    void altTextWithBracketsIsEscapedAndReadBack() {
        String md = ImageRefEdits.setAlt("See " + LOAF + ".", "img-1", "Loaf [1] \\ and ] more");
        assertThat(md).isEqualTo("See ![Loaf \\[1\\] \\\\ and \\] more](postwright-image:img-1).");
        assertThat(ImageRefEdits.altOf(md, "img-1")).contains("Loaf [1] \\ and ] more");
        assertThat(ImageRefEdits.refs("![a [b] c](postwright-image:x)")).extracting(Ref::alt).containsExactly("a [b] c");
        assertThat(ImageRefEdits.setAlt(LOAF, "img-1", "two\nlines")).isEqualTo("![two lines](postwright-image:img-1)");
    }

    @Test
    void setAltKeepsTheSpacesBeingTyped() {
        assertThat(ImageRefEdits.setAlt(LOAF, "img-1", "A rye ")).isEqualTo("![A rye ](postwright-image:img-1)");
    }

    @Test
    void settingAltChangesEveryReferenceToThatImageOnly() {
        String md = LOAF + "\n\n" + CRUMB + "\n\n" + LOAF;
        assertThat(ImageRefEdits.setAlt(md, "img-1", "Rye"))
                .isEqualTo("![Rye](postwright-image:img-1)\n\n" + CRUMB + "\n\n![Rye](postwright-image:img-1)");
    }

    @Test
    void replaceSwapsEveryReferenceKeepingEachAltText() {
        String md = "![One](postwright-image:img-1) and ![Two \\] x](postwright-image:img-1) and " + CRUMB;
        assertThat(ImageRefEdits.replace(md, "img-1", "img-3")).isEqualTo(
                "![One](postwright-image:img-3) and ![Two \\] x](postwright-image:img-3) and " + CRUMB);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            own paragraph              | A\\n\\n@\\n\\nB     | A\\n\\nB
            first line                 | @\\n\\nA           | A
            last line                  | A\\n\\n@           | A\\n
            last line with break       | A\\n\\n@\\n        | A\\n
            the whole post             | @                  | ''
            inside a sentence          | See @ here.        | See here.
            at a sentence's end        | See @              | See\\u0020
            two in a row               | A\\n\\n@\\n\\n@\\n\\nB | A\\n\\nB
            """)
    void removeTakesTheReferenceAndTheLinesItLeavesEmpty(String name, String before, String after) {
        String md = unescape(before).replace("@", LOAF);
        assertThat(ImageRefEdits.remove(md, "img-1")).isEqualTo(unescape(after));
    }

    @Test
    void removeLeavesOtherImagesAlone() {
        String md = LOAF + "\n\n" + CRUMB + "\n";
        assertThat(ImageRefEdits.remove(md, "img-1")).isEqualTo(CRUMB + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty post                 | ^                 | @\\n\\n^
            end of a paragraph         | A^                | A\\n\\n@\\n\\n^
            start of a blank line      | A\\n\\n^\\nB      | A\\n\\n@\\n\\n^B
            start of a paragraph       | A\\n\\n^B         | A\\n\\n@\\n\\n^B
            in the middle of a line    | Flour ^and water  | Flour\\u0020\\n\\n@\\n\\n^and water
            start of the post          | ^A                | @\\n\\n^A
            after a line break         | A\\n^B            | A\\n\\n@\\n\\n^B
            inside a code fence        | ```\\nx^y\\n```\\nB | ```\\nxy\\n```\\n\\n@\\n\\n^B
            inside another reference   | ![A](postwright-image:o^ld) | ![A](postwright-image:old)\\n\\n@\\n\\n^
            """)
    void insertPutsTheReferenceOnItsOwnLineAtTheCaret(String name, String before, String after) {
        String text = unescape(before);
        int caret = text.indexOf('^');
        Edit edit = ImageRefEdits.insert(text.replace("^", ""), caret, "Rye [loaf]", "img-7");
        String expected = unescape(after).replace("@", "![Rye \\[loaf\\]](postwright-image:img-7)");
        assertThat(edit.markdown()).isEqualTo(expected.replace("^", ""));
        assertThat(edit.caret()).isEqualTo(expected.indexOf('^'));
        assertThat(ImageRefEdits.ids(edit.markdown())).contains("img-7");
    }

    @Test
    void aCaretOutsideTheTextIsClamped() {
        assertThat(ImageRefEdits.insert("A", 99, "x", "i").markdown()).isEqualTo("A\n\n![x](postwright-image:i)\n\n");
        assertThat(ImageRefEdits.insert("A", -1, "x", "i").markdown()).isEqualTo("![x](postwright-image:i)\n\nA");
    }

    @Test
    void theReferencePatternReadsEscapedAltText() {
        Matcher m = ImageRefs.MARKDOWN.matcher(ImageRefs.markdown(" Loaf ]x[ ", "id-1"));
        assertThat(m.matches()).isTrue();
        assertThat(ImageRefs.alt(m.group(1))).isEqualTo("Loaf ]x[");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\u0020", " ");
    }
}
