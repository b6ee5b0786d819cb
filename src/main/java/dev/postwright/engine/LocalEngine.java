package dev.postwright.engine;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.TextGenerator;
import dev.postwright.pipeline.ContentPipeline;
import dev.postwright.pipeline.Illustrator;
import dev.postwright.publish.PostPublisher;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.Publications;
import dev.postwright.store.StageTimings;
import dev.postwright.store.TimeOrderedIds;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generation on this computer: the database in a data folder, the job queue and its workers,
 * and the content pipeline with one writer. Close it to stop the workers (running jobs resume
 * on the next start) and close the database.
 */
public final class LocalEngine implements AutoCloseable {
    private final Database database;
    private final JobQueue jobs;
    /** The data folder's subfolder that holds the library's image files. */
    public static final String IMAGES_FOLDER = "images";
    private static final ImageMaker OFFLINE_IMAGES = new OfflineImageMaker();

    private final PostLibrary library;
    private final ImageStore images;
    private final OrganizationProfiles profiles;
    private final Publications publications;
    private final SiteBook sites;

    private LocalEngine(Database database, JobQueue jobs, PostLibrary library, ImageStore images,
                        OrganizationProfiles profiles, Publications publications, SiteBook sites) {
        this.database = database;
        this.jobs = jobs;
        this.library = library;
        this.images = images;
        this.profiles = profiles;
        this.publications = publications;
        this.sites = sites;
    }

    /**
     * Opens the engine on {@code dataDir}; workers start with {@link JobQueue#start()}.
     *
     * @throws DatabaseUnavailableException with a message for the writer
     */
    public static LocalEngine open(Path dataDir, TextGenerator writer, QueueSettings settings, Clock clock)
            throws DatabaseUnavailableException {
        return open(dataDir, () -> writer, settings, clock);
    }

    /**
     * Opens the engine with the writer chosen in settings: each job takes {@code writers.get()}
     * when it starts and keeps it to the end.
     */
    public static LocalEngine open(Path dataDir, Supplier<? extends TextGenerator> writers, QueueSettings settings,
                                   Clock clock) throws DatabaseUnavailableException {
        return open(dataDir, writers, () -> OFFLINE_IMAGES, settings, clock);
    }

    /**
     * Opens the engine with the writer and the image maker chosen in settings: each job takes
     * {@code writers.get()} when it starts, and {@code images.get()} when it makes an image.
     */
    public static LocalEngine open(Path dataDir, Supplier<? extends TextGenerator> writers,
                                   Supplier<? extends ImageMaker> imageMakers, QueueSettings settings, Clock clock)
            throws DatabaseUnavailableException {
        return open(dataDir, writers, imageMakers, SeoAnalyzer::standard, settings, clock);
    }

    /**
     * Opens the engine with the writer, the image maker and the SEO checks chosen in settings: a
     * blog job also takes {@code seoChecks.get()} when it starts.
     */
    public static LocalEngine open(Path dataDir, Supplier<? extends TextGenerator> writers,
                                   Supplier<? extends ImageMaker> imageMakers, Supplier<? extends SeoAnalyzer> seoChecks,
                                   QueueSettings settings, Clock clock) throws DatabaseUnavailableException {
        return open(dataDir, writers, imageMakers, seoChecks, null, settings, clock);
    }

    /**
     * Where publish jobs send posts: the writer's sites, reached with {@code http}. An engine
     * opened without it fails publish jobs, saying so.
     */
    public record Publishing(SiteBook sites, HttpClient http) {}

    /** The HTTP client publish jobs use: redirects followed (never from https to http), connections given 15 s. */
    public static HttpClient siteClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(java.time.Duration.ofSeconds(15)).build();
    }

    /** As the other {@code open}s, and publish jobs go to {@code publishing}'s sites (null: none). */
    public static LocalEngine open(Path dataDir, Supplier<? extends TextGenerator> writers,
                                   Supplier<? extends ImageMaker> imageMakers, Supplier<? extends SeoAnalyzer> seoChecks,
                                   Publishing publishing, QueueSettings settings, Clock clock)
            throws DatabaseUnavailableException {
        Database db = Database.open(DataDirectory.databaseIn(dataDir));
        var library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new SecureRandom()));
        var profiles = new OrganizationProfiles(db, clock);
        var images = new ImageStore(db, dataDir.resolve(IMAGES_FOLDER), clock, new TimeOrderedIds(clock, new SecureRandom()));
        var illustrator = new Illustrator(imageMakers, images);
        var publications = new Publications(db);
        var timings = new StageTimings(db, clock);
        var pipeline = publishing == null
                ? new ContentPipeline(writers, profiles, library, illustrator, timings, seoChecks, clock)
                : new ContentPipeline(writers, profiles, library, illustrator, timings, seoChecks, new PostPublisher(
                        publishing.sites(), library, images, publications, publishing.http(), PostPublisher.TIMEOUT,
                        clock), clock);
        JobQueue jobs = JobQueue.builder(db, pipeline).settings(settings).clock(clock).build();
        return new LocalEngine(db, jobs, library, images, profiles, publications,
                publishing == null ? null : publishing.sites());
    }

    public JobQueue jobs() {
        return jobs;
    }

    /** The data folder's database: for its health ({@link Database#writeFault()}), not for queries. */
    public Database database() {
        return database;
    }

    public PostLibrary library() {
        return library;
    }

    public ImageStore images() {
        return images;
    }

    public OrganizationProfiles profiles() {
        return profiles;
    }

    /** Where the library's posts were published. */
    public Publications publications() {
        return publications;
    }

    /** The sites publish jobs go to, or empty for an engine opened without publishing. */
    public Optional<SiteBook> sites() {
        return Optional.ofNullable(sites);
    }

    @Override
    public void close() {
        jobs.close();
        database.close();
    }
}
