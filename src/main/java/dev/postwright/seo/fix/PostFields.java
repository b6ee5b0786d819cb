package dev.postwright.seo.fix;

import dev.postwright.seo.text.PostTexts;

/**
 * The parts of a post a fix may change, and what the analysis needs besides them: a post as the
 * SEO panel scores it. Immutable; the withers return a copy with one part replaced.
 *
 * @param markdown        the body
 * @param title           the SEO title (the post's title)
 * @param metaDescription may be empty
 * @param slug            may be empty
 * @param keyphrase       the focus keyphrase; may be empty
 * @param siteHost        the writer's site, for the link checks; may be empty
 * @param earlierUses     how many other library posts use the keyphrase
 */
public record PostFields(String markdown, String title, String metaDescription, String slug, String keyphrase,
                         String siteHost, int earlierUses) {
    public PostFields {
        markdown = orEmpty(markdown);
        title = orEmpty(title);
        metaDescription = orEmpty(metaDescription);
        slug = orEmpty(slug);
        keyphrase = orEmpty(keyphrase);
        siteHost = orEmpty(siteHost);
    }

    /** The analysis's view of the fields besides the body. */
    public PostTexts.Meta meta() {
        return new PostTexts.Meta(title, metaDescription, slug, keyphrase, siteHost, earlierUses);
    }

    /** The text of {@code part} when it is a whole field; the body for the parts inside it. */
    public String field(Part part) {
        return switch (part) {
            case TITLE -> title;
            case META_DESCRIPTION -> metaDescription;
            case SLUG -> slug;
            case INTRODUCTION, PARAGRAPH, HEADING, BODY -> markdown;
        };
    }

    /** These fields with {@code span}'s text replaced by {@code replacement}. */
    public PostFields with(Span span, String replacement) {
        return switch (span.part()) {
            case TITLE -> new PostFields(markdown, replacement, metaDescription, slug, keyphrase, siteHost, earlierUses);
            case META_DESCRIPTION -> new PostFields(markdown, title, replacement, slug, keyphrase, siteHost, earlierUses);
            case SLUG -> new PostFields(markdown, title, metaDescription, replacement, keyphrase, siteHost, earlierUses);
            case INTRODUCTION, PARAGRAPH, HEADING, BODY -> new PostFields(markdown.substring(0, span.start())
                    + replacement + markdown.substring(span.end()), title, metaDescription, slug, keyphrase, siteHost,
                    earlierUses);
        };
    }

    /** Whether {@code span} still reads as it did in these fields: nothing has been typed over it since. */
    public boolean stillHas(Span span) {
        String text = field(span.part());
        return span.end() <= text.length() && text.substring(span.start(), span.end()).equals(span.text());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
