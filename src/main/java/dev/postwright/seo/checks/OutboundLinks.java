package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * Links to other sites show a post is researched: any scores 9, none 3. (Markdown cannot mark a
 * link nofollow, and the renderer marks none, so the reference's nofollow bands cannot occur here;
 * links inside block quotes are the quoted author's and are not counted.)
 */
public final class OutboundLinks implements SeoCheck {
    public static final String ID = "outbound-links";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Outbound links");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        long outbound = post.links().stream().filter(l -> LinkKinds.isOutbound(l.destination(), post.siteHost())).count();
        if (outbound > 0) {
            return Verdict.seo(ID, Verdict.GOOD, "The post links to " + Verdict.count((int) outbound, "page", "pages")
                    + " on other sites.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, "Link to a source or two on other sites that back up what you say.");
    }
}
