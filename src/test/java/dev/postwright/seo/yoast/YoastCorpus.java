package dev.postwright.seo.yoast;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Topic;
import dev.postwright.render.Slugs;
import java.util.ArrayList;
import java.util.List;

/**
 * The posts Postwright's analysis and Yoast's are compared on: offline drafts of varied briefs, as
 * WordPress would hold them (the title apart, no H1 in the body), and hand-written edge cases.
 */
final class YoastCorpus {
    /** One post as both analyses see it. */
    record Post(String id, String markdown, String keyphrase, String title, String description, String slug,
                int earlierUses) {
        Post(String id, String markdown, String keyphrase, String title, String description, String slug) {
            this(id, markdown, keyphrase, title, description, slug, 0);
        }
    }

    private YoastCorpus() {}

    static List<Post> all() throws Exception {
        List<Post> posts = new ArrayList<>(offline());
        posts.addAll(handWritten());
        return posts;
    }

    private static final String[][] BRIEFS = {
            {"How to bake sourdough bread at home", "sourdough bread", "home bakers"},
            {"7 ways to keep a sourdough starter alive", "sourdough starter", "busy home bakers"},
            {"The complete guide to two-factor authentication", "two-factor authentication", "small business owners"},
            {"Remote work is here to stay", "remote work", "team leads"},
            {"How to paint kitchen cabinets without brush marks", "paint kitchen cabinets", "DIY homeowners"},
            {"Espresso versus filter coffee", "espresso", "coffee lovers"},
            {"Belegausgabepflicht explained for small shops", "Belegausgabepflicht", "shop owners in Germany"},
            {"Why every bakery needs a website", "bakery website", "bakery owners"},
            {"10 best houseplants for low light", "low light houseplants", "apartment dwellers"},
            {"How to start running after 40", "running after 40", "beginners over forty"},
            {"A guide to composting in small spaces", "composting", "city gardeners"},
            {"Choosing a CRM for a five-person team", "CRM for small teams", "founders"},
            {"How to write a cover letter that gets read", "cover letter", "job seekers"},
            {"Solar panels: are they worth it in 2026", "solar panels", "homeowners"},
            {"The beginner's guide to budgeting", "budgeting for beginners", "young professionals"},
            {"How to train a puppy to sit", "puppy training", "new dog owners"},
            {"Kubernetes versus serverless for startups", "serverless", "CTOs"},
            {"How to reduce food waste at home", "reduce food waste", "families"},
            {"12 tips for better product photos", "product photos", "online sellers"},
            {"What is a content calendar and why you need one", "content calendar", "marketers"},
    };

    static List<Post> offline() throws Exception {
        var writer = new OfflineWriter();
        var cancel = new CancellationToken();
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < BRIEFS.length; i++) {
            String[] b = BRIEFS[i];
            var request = new JobRequest(new Topic(b[0], null, b[2], b[1], List.of()),
                    new BusinessInfo("Small business", b[2], "general", null), "org-1", null, JobOptions.DEFAULTS,
                    List.of(), Embeds.NONE);
            var brief = Brief.of(request, OrganizationProfile.empty("org-1"));
            var outline = writer.outline(brief, cancel);
            var draft = writer.draft(brief, outline, piece -> { }, cancel);
            var meta = writer.metadata(brief, outline, draft.markdown(), cancel);
            // Every third keyphrase was used before in the writer's library: once, then twice.
            posts.add(new Post("offline-" + (i + 1), withoutTitle(draft.markdown()), b[1], meta.title(),
                    meta.metaDescription(), Slugs.of(meta.title()), i % 3 == 2 ? 1 + (i / 3) % 2 : 0));
        }
        return posts;
    }

    /** The body as WordPress keeps it: the post's title is a field of its own, not an H1 in the text. */
    static String withoutTitle(String markdown) {
        return markdown.replaceFirst("\\A\\s*# [^\\n]*\\n+", "");
    }

    private static final String FILLER = """
            Warm kitchens help every baker shape dough with calm hands. Good flour gives each loaf a deep and \
            nutty flavour. Morning light makes the crust look golden and quite inviting. Most people enjoy a slice \
            with butter and sea salt. Careful timing turns simple ingredients into a memorable weekend treat.""";

    static List<Post> handWritten() {
        String body = (FILLER + "\n\n").repeat(8);
        return List.of(
                new Post("half-headings", "Sourdough bread takes patience. " + body + "## Sourdough tips\n\n" + body
                        + "## Bread and butter\n\n" + body + "## Sourdough bread in the oven\n\n" + body, "sourdough bread",
                        "Sourdough bread tips", "Tips for sourdough bread at home: the starter, the shaping and the "
                        + "bake, for home bakers who want a reliable weekly loaf.", "sourdough-bread-tips"),
                new Post("headings-only", "## Sourdough bread basics\n\n" + body + "## More sourdough bread\n\n" + body,
                        "sourdough bread", "Sourdough bread basics", "All about sourdough bread for home bakers who "
                        + "want a loaf with a crisp crust and an open crumb every weekend.", "sourdough-bread-basics"),
                new Post("hyphens", "Two-factor authentication keeps accounts safe. " + body
                        + "## Why two-factor authentication\n\n" + body, "two-factor authentication",
                        "Two-factor authentication for small teams", "Two-factor authentication explained for small "
                        + "teams: what it is, how to turn it on, and what to do when a phone is lost.",
                        "two-factor-authentication"),
                new Post("long-title", "Sourdough bread is worth the wait. " + body, "sourdough bread",
                        "Sourdough bread: the complete, unhurried, step-by-step guide for absolute beginners at home",
                        "A long guide to sourdough bread.", "sourdough-bread-guide"),
                new Post("quotes", "Sourdough bread rewards patience. " + body
                        + "> Sourdough bread is the best bread, says [a baker](https://bakers.example/quote).\n\n" + body,
                        "sourdough bread", "Sourdough bread and patience", "Why sourdough bread rewards patience, with "
                        + "advice from bakers who have kept the same starter alive for years.", "sourdough-patience"),
                new Post("images", "Sourdough bread at home. " + body + "![A sourdough bread loaf](https://img.example/loaf.png)\n\n"
                        + "![A starter jar](https://img.example/jar.png)\n\n" + body, "sourdough bread",
                        "Sourdough bread at home", "Bake sourdough bread at home with a starter, flour, water and salt: "
                        + "a plain method that works in any kitchen oven.", "sourdough-bread-at-home"),
                new Post("links", "Sourdough bread starts with a starter. " + body
                        + "Read [our classes](https://crumb.example/classes), [a flour guide](https://flour.example/guide) "
                        + "and [sourdough bread](https://other.example/sourdough).\n\n" + body, "sourdough bread",
                        "Sourdough bread links", "Sourdough bread resources: classes, a flour guide and more reading "
                        + "for home bakers who want to learn the craft properly.", "sourdough-bread-links"),
                new Post("dense", ("Sourdough bread is good. Sourdough bread is simple. " + FILLER + "\n\n").repeat(6),
                        "sourdough bread", "Sourdough bread", "Sourdough bread.", "sourdough-bread"),
                new Post("short", "Sourdough bread in brief. " + FILLER, "sourdough bread", "Sourdough bread in brief",
                        "A short note on sourdough bread.", "short"),
                new Post("no-keyphrase", body, "", "Baking at home", "Notes on baking at home.", "baking-at-home"),
                new Post("long-keyphrase", "Home baked sourdough bread with a crisp crust. " + body,
                        "home baked sourdough bread with a crisp crust and an open crumb", "Home baked sourdough bread",
                        "Home baked sourdough bread with a crisp crust and an open crumb, made in an ordinary kitchen "
                        + "oven.", "home-baked-sourdough-bread"));
    }
}
