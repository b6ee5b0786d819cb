package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Links to the writer's own pages keep readers on the site and spread ranking: any scores 9, none 3. */
public final class InternalLinks implements SeoCheck {
    public static final String ID = "internal-links";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Internal links");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        long internal = post.links().stream().filter(l -> LinkKinds.isInternal(l.destination(), post.siteHost())).count();
        if (internal > 0) {
            return Verdict.seo(ID, Verdict.GOOD, "The post links to " + Verdict.count((int) internal, "page", "pages")
                    + " of your own site.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, "Link to related pages of your own site, such as a product page "
                + "or an earlier post.");
    }
}
