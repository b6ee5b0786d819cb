package dev.postwright.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Swapping a post's featured image in its Markdown: what it replaces, where it goes otherwise. */
class ImageRefsTest {
    private static final String NEW = "![A loaf](postwright-image:new1)";

    @Test
    void theReferenceToTheFeaturedImageIsReplacedWhereverItIs() {
        String post = "# Bread\n\nIntro.\n\n![Old loaf](postwright-image:old1)\n\n## Steps\n\n![Hands](postwright-image:in1)\n";
        assertThat(ImageRefs.withFeatured(post, "A loaf", "new1", Set.of("old1")))
                .isEqualTo("# Bread\n\nIntro.\n\n" + NEW + "\n\n## Steps\n\n![Hands](postwright-image:in1)\n");
    }

    @Test
    void aPictureTheWriterPutUnderTheTitleStaysWhenNoIdSaysItIsTheFeaturedOne() {
        String post = "# Bread\n\n![Picked by hand](postwright-image:in9)\n\nIntro.\n";
        assertThat(ImageRefs.withFeatured(post, "A loaf", "new1", Set.of()))
                .isEqualTo("# Bread\n\n" + NEW + "\n\n![Picked by hand](postwright-image:in9)\n\nIntro.\n");
    }

    @Test
    void theWritersPlaceholderIsReplacedWhenThereIsNoFeaturedImageYet() {
        String post = "# Bread\n\nIntro.\n\n![IMAGE:featured:Sourdough bread for home bakers]\n\n## Steps\n";
        assertThat(ImageRefs.withFeatured(post, "A loaf", "new1", Set.of("gone")))
                .isEqualTo("# Bread\n\nIntro.\n\n" + NEW + "\n\n## Steps\n");
    }

    @Test
    void withoutAnyItGoesRightAfterTheTitleElseAtTheTop() {
        assertThat(ImageRefs.withFeatured("# Bread\nIntro.\n", "A loaf", "new1", Set.of()))
                .isEqualTo("# Bread\n\n" + NEW + "\n\nIntro.\n");
        assertThat(ImageRefs.withFeatured("Intro only.\n", "A loaf", "new1", Set.of()))
                .isEqualTo(NEW + "\n\nIntro only.\n");
        assertThat(ImageRefs.withFeatured(null, "A loaf", "new1", Set.of())).isEqualTo(NEW + "\n\n");
    }

    @Test
    void anInlineImageFurtherDownIsLeftAloneAndTheAltTextStaysOnOneLine() {
        String post = "# Bread\n\nIntro.\n\n![Hands](postwright-image:in1)\n";
        assertThat(ImageRefs.withFeatured(post, "A crusty\nloaf", "new1", Set.of()))
                .isEqualTo("# Bread\n\n![A crusty loaf](postwright-image:new1)\n\nIntro.\n\n![Hands](postwright-image:in1)\n");
    }
}
