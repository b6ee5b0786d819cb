package dev.postwright.llm;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;

/**
 * Rewrites one short stretch of a post (a paragraph, a heading, the meta description) as asked,
 * for the SEO panel's fixes. A model server does it; the offline engine cannot. Called off the UI
 * thread; implementations are thread-safe, abort the call when {@code cancel} fires, and fail
 * with a {@link JobFailure} whose message is for the writer.
 */
public interface SpanRewriter {
    /**
     * What to rewrite.
     *
     * @param part        what the text is, as a writer says it: "the introduction"
     * @param text        the text as it stands (Markdown for the body's parts)
     * @param instruction what the rewrite must achieve
     * @param title       the post's title, for context
     * @param keyphrase   the post's focus keyphrase; may be empty
     */
    record Rewrite(String part, String text, String instruction, String title, String keyphrase) {}

    /** The rewritten text alone: no quotes around it, no comment before or after. */
    String rewrite(Rewrite request, CancellationToken cancel) throws JobFailure;
}
