package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * Links to other sites show a post is researched. (Markdown cannot mark a link nofollow, so the
 * "all nofollow" band of the reference analysis cannot occur here.)
 */
public final class OutboundLinks implements SeoCheck {
    public static final String ID = "outbound-links";

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        long outbound = post.links().stream().filter(l -> LinkKinds.isOutbound(l.destination(), post.siteHost())).count();
        if (outbound > 0) {
            return Verdict.seo(ID, 8, "The post links to " + Verdict.count((int) outbound, "page", "pages")
                    + " on other sites.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, "Link to a source or two on other sites that back up what you say.");
    }
}
