package dev.postwright.render;

import dev.postwright.model.BlogPost;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The keywords a Word or PDF file's properties carry: the post's SEO keywords, then its tags, each once. */
final class PostKeywords {
    private PostKeywords() {}

    static List<String> of(BlogPost post) {
        Set<String> all = new LinkedHashSet<>();
        for (String k : post.seoKeywords()) if (k != null && !k.isBlank()) all.add(k.strip());
        for (String t : post.tags()) if (t != null && !t.isBlank()) all.add(t.strip());
        return List.copyOf(all);
    }
}
