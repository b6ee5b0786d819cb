package dev.postwright.publish;

import dev.postwright.jobs.JobFailure;
import dev.postwright.publish.wordpress.WordPressException;

/**
 * A publish job's error codes, and a site's refusal or silence as the job's failure: retried when
 * trying later may help.
 */
public final class PublishFailures {
    /** The site did not answer, or answered with an error of its own: the outbox tries again later. */
    public static final String SITE_UNAVAILABLE = "SITE_UNAVAILABLE";
    /** The site refused what was sent (password, rights, an image): trying again would repeat it. */
    public static final String SITE_REFUSED = "SITE_REFUSED";
    /** The post was changed on the site since it was last published; the writer decides. */
    public static final String CHANGED_ON_SITE = "CHANGED_ON_SITE";

    private PublishFailures() {}

    static JobFailure of(WordPressException e) {
        return e.retryable()
                ? JobFailure.transientFailure(e.getMessage(), SITE_UNAVAILABLE, null, e)
                : JobFailure.permanent(e.getMessage(), SITE_REFUSED);
    }
}
