package dev.postwright.engine;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.BlogPost;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.render.Slugs;
import dev.postwright.seo.text.Words;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StoreException;
import java.lang.System.Logger.Level;

/**
 * Keeps the posts of jobs run on a team server in this computer's library too, so a writer's
 * drafts are all in one place and work offline. A remote job's {@code complete} is saved once
 * (by job: a replayed stream finds the copy already there), and the event the views receive
 * names the local copy, so "Open in library" opens it.
 */
public final class RemoteResults {
    private static final System.Logger LOG = System.getLogger(RemoteResults.class.getName());

    private final PostLibrary library;
    private final String organizationId;

    public RemoteResults(PostLibrary library, String organizationId) {
        this.library = library;
        this.organizationId = organizationId;
    }

    /** {@code listener}, with each {@code complete} of {@code jobId} saved locally first. */
    public JobEventListener keeping(String jobId, JobEventListener listener) {
        return new JobEventListener() {
            @Override
            public void onEvent(LoggedEvent event) {
                if (event.event() instanceof JobEvent.Complete complete && complete.result().post() != null) {
                    event = new LoggedEvent(event.jobId(), event.seq(), new JobEvent.Complete(kept(jobId,
                            complete.result())), event.at());
                }
                listener.onEvent(event);
            }

            @Override
            public void onEnd() {
                listener.onEnd();
            }
        };
    }

    private JobResult kept(String jobId, JobResult result) {
        BlogPost post = result.post();
        String status = result.savedPost() != null && result.savedPost().status() != null ? result.savedPost().status()
                : "draft";
        String keyphrase = post.seoKeywords().isEmpty() ? null : post.seoKeywords().getFirst();
        try {
            var local = library.save(new PostLibrary.NewPost(post, organizationId, Slugs.of(post.title()), keyphrase,
                    status, Words.count(post.content()), "remote:" + jobId));
            return new JobResult(post, result.visuals(), result.seo(), local.toSavedPost(), result.metadata(),
                    result.ctas());
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "The post of remote job {0} could not be kept in the library: {1}", jobId,
                    e.getMessage());
            return result;
        }
    }
}
