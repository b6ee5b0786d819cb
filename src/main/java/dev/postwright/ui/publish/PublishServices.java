package dev.postwright.ui.publish;

import dev.postwright.publish.wordpress.Site;
import dev.postwright.queue.JobQueue;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.Publications;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the Publish dialog and the outbox read and write. Publish jobs always go to this
 * computer's queue, whoever runs the blog jobs: the sites and their passwords are kept here.
 * Every method may touch the disk; call them off the FX thread.
 *
 * @param sites the writer's sites; null when the engine was opened without publishing
 */
public record PublishServices(JobQueue jobs, PostLibrary library, Publications publications, SiteBook sites) {

    /** The sites in Settings, in the order they were added; none without a site book. */
    public List<Site> siteList() {
        return sites == null ? List.of() : sites.list();
    }

    /** The address of the site called {@code name} now, if Settings still has it. */
    public Optional<URI> addressOf(String name) {
        return sites == null ? Optional.empty() : sites.find(name).map(Site::address);
    }
}
