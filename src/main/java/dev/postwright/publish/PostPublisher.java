package dev.postwright.publish;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.JobResult;
import dev.postwright.model.PublishRequest;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.WordPressClient;
import dev.postwright.queue.JobContext;
import dev.postwright.queue.JobHandler;
import dev.postwright.settings.SecretStore.SecretStoreException;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.Publications;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The outbox's work: runs publish jobs ({@link PublishRequest}) against the sites in
 * {@link SiteBook}, one {@link PublishRun} per attempt. A site that does not answer fails the
 * attempt as transient, so the queue tries again later with backoff; a refusal (password, rights,
 * an image the site will not take, a post changed there) is final, with its reason in words.
 * Thread-safe.
 */
public final class PostPublisher implements JobHandler {
    /** How long a site may take to answer one request (an image upload included). */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a run reads and writes. */
    record Services(SiteBook sites, PostLibrary library, ImageStore images, Publications publications,
                    HttpClient http, Duration timeout) {
        Site site(String name) throws JobFailure {
            return sites.find(name).orElseThrow(() -> JobFailure.permanent("There is no site called \"" + name
                    + "\" in Settings any more; add it again under Settings → Sites, then retry.", "SITE_NOT_FOUND"));
        }

        WordPressClient client(Site site) throws JobFailure {
            Optional<String> password;
            try {
                password = sites.password(site.name());
            } catch (SecretStoreException e) {
                throw JobFailure.transientFailure("The application password for " + site.name()
                        + " could not be read: " + e.getMessage(), "SECRETS_UNAVAILABLE", null, e);
            }
            if (password.isEmpty()) {
                throw JobFailure.permanent("No application password is kept for " + site.name()
                        + "; add one under Settings → Sites, then retry.", "NO_PASSWORD");
            }
            return new WordPressClient(http, site, password.get(), timeout);
        }
    }

    private final Services services;
    private final Clock clock;

    public PostPublisher(SiteBook sites, PostLibrary library, ImageStore images, Publications publications,
                         HttpClient http, Duration timeout, Clock clock) {
        this.services = new Services(sites, library, images, publications, http, timeout);
        this.clock = clock;
    }

    @Override
    public JobResult run(JobContext context) throws JobFailure {
        if (!(context.input() instanceof PublishRequest request)) {
            throw new IllegalStateException("job " + context.jobId() + " is not a publish job");
        }
        return new PublishRun(context, request, services, clock).execute();
    }
}
