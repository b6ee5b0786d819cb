package dev.postwright.pipeline;

import dev.postwright.llm.Brief;
import dev.postwright.model.Draft;
import dev.postwright.llm.PostMetadata;
import dev.postwright.model.BlogPost;
import dev.postwright.model.BlogPost.CtaSuggestion;
import dev.postwright.model.BlogPost.GenerationMetadata;
import dev.postwright.model.BlogPost.InternalLink;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.OrganizationProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Puts the post together from the draft and its metadata, with link and CTA suggestions. */
final class PostAssembly {
    private PostAssembly() {}

    /**
     * @param context  what the context stage found (the post's {@code organizationContext})
     * @param scaffold whether the writer writes scaffolds (the offline engine)
     */
    static BlogPost of(Brief brief, Draft draft, PostMetadata meta, String model, boolean scaffold, long elapsedMillis,
                       ContextSummary context) {
        return new BlogPost(meta.title(), meta.subtitle(), draft.markdown(), meta.metaDescription(), meta.tags(),
                meta.seoKeywords(), meta.estimatedReadTime(), internalLinks(brief.profile(), draft.markdown()),
                brief.ctas().stream().map(c -> new CtaSuggestion(c.text(), c.placement(), c.type(), null)).toList(),
                null, new GenerationMetadata(model, elapsedMillis, draft.tokensUsed(), scaffold), brief.embeds(),
                context);
    }

    /** The profile's pages whose keywords the post mentions, each once, anchored on the keyword found. */
    static List<InternalLink> internalLinks(OrganizationProfile profile, String markdown) {
        String text = markdown.toLowerCase(Locale.ROOT);
        List<InternalLink> links = new ArrayList<>();
        for (OrganizationProfile.LinkTarget target : profile.internalLinks()) {
            for (String keyword : target.keywords()) {
                if (!keyword.isBlank() && text.contains(keyword.toLowerCase(Locale.ROOT))) {
                    links.add(new InternalLink(keyword, target.url(), target.title()));
                    break;
                }
            }
        }
        return links;
    }
}
