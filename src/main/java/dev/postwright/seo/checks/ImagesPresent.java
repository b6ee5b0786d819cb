package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Posts with images hold readers longer and can rank in image search. */
public final class ImagesPresent implements SeoCheck {
    public static final String ID = "images";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Images");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        int images = post.images().size();
        if (images > 0) return Verdict.seo(ID, Verdict.GOOD, "The post has " + Verdict.count(images, "image", "images") + ".");
        return Verdict.seo(ID, Verdict.PROBLEM, "Add at least one image, such as a featured image or a chart.");
    }
}
