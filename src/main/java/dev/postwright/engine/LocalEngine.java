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
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.StageTimings;
import dev.postwright.store.TimeOrderedIds;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generation on this computer: the database (the data folder's SQLite file, or a team's
 * PostgreSQL that several {@code serve} nodes share), the job queue and its workers, and the
 * content pipeline with one writer. Close it to stop the workers (running jobs resume on the next
 * start, on any node) and close the database.
 */
public final class LocalEngine implements AutoCloseable {
    private final SqlDatabase database;
    private final JobQueue jobs;
    /** The data folder's subfolder that holds the library's image files. */
    public static final String IMAGES_FOLDER = "images";
    private static final ImageMaker OFFLINE_IMAGES = new OfflineImageMaker();

    private final PostLibrary library;
    private final ImageStore images;
    private final OrganizationProfiles profiles;
    private final Publications publications;
    private final SiteBook sites;

    private LocalEngine(SqlDatabase database, JobQueue jobs, PostLibrary library, ImageStore images,
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
        try {
            return assemble(db, dataDir, writers, imageMakers, seoChecks, publishing, settings, clock);
        } catch (RuntimeException | Error e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    /**
     * Opens the engine on {@code database}, which it then owns: {@link #close()} closes it (when
     * it is {@link AutoCloseable}, as both databases are), and so does a failure to open. On
     * PostgreSQL the library's image bytes are kept in the database, so every node on it serves
     * every image; on SQLite they are files in {@code dataDir}'s {@value #IMAGES_FOLDER} folder, as
     * with the other {@code open}s. Publish jobs fail, saying so (no sites); SEO checks are the
     * standard ones.
     */
    public static LocalEngine open(SqlDatabase database, Path dataDir, Supplier<? extends TextGenerator> writers,
                                   Supplier<? extends ImageMaker> imageMakers, QueueSettings settings, Clock clock) {
        try {
            return assemble(database, dataDir, writers, imageMakers, SeoAnalyzer::standard, null, settings, clock);
        } catch (RuntimeException | Error e) {
            closeQuietly(database, e);
            throw e;
        }
    }

    private static LocalEngine assemble(SqlDatabase db, Path dataDir, Supplier<? extends TextGenerator> writers,
                                        Supplier<? extends ImageMaker> imageMakers,
                                        Supplier<? extends SeoAnalyzer> seoChecks, Publishing publishing,
                                        QueueSettings settings, Clock clock) {
        var library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new SecureRandom()));
        var profiles = new OrganizationProfiles(db, clock);
        var images = ImageStore.on(db, dataDir.resolve(IMAGES_FOLDER), clock, new TimeOrderedIds(clock, new SecureRandom()));
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

    /**
     * The data folder's SQLite database: for its health ({@link Database#writeFault()}), not for
     * queries.
     *
     * @throws IllegalStateException the engine was opened on another database (PostgreSQL): use
     *                               {@link #sqlDatabase()}
     */
    public Database database() {
        if (database instanceof Database sqlite) return sqlite;
        throw new IllegalStateException("this engine runs on " + database.describe() + ", not on a data folder's file");
    }

    /** The engine's database, whichever it is: for its health ({@link SqlDatabase#writeFault()}), not for queries. */
    public SqlDatabase sqlDatabase() {
        return database;
    }

    public PostLibrary library() {
        return library;
    }

    public ImageStore images() {
        return images;
    }

    /**
     * Removes image bytes no row names any more (their posts purged, or a save cut short), as the
     * window and {@code serve} do when they start; on a team database any node's start sweeps
     * what every node left. A failure is logged and waits for the next start.
     */
    public void removeUnusedImages() {
        var log = System.getLogger(LocalEngine.class.getName());
        try {
            int swept = images.sweepUnnamedFiles();
            if (swept > 0) log.log(System.Logger.Level.INFO, "Removed {0} images no post uses", swept);
        } catch (java.io.IOException | RuntimeException e) { // also a library closed by a quick quit
            log.log(System.Logger.Level.WARNING, "Unused images could not be removed: {0}", e.getMessage());
        }
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
        closeQuietly(database, null);
    }

    /** Both databases close without checked exceptions; anything else one throws is added to {@code failure}, or rethrown. */
    private static void closeQuietly(SqlDatabase database, Throwable failure) {
        if (!(database instanceof AutoCloseable closeable)) return;
        try {
            closeable.close();
        } catch (Exception e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else if (e instanceof RuntimeException r) {
                throw r;
            } else {
                throw new IllegalStateException("the database did not close: " + e.getMessage(), e);
            }
        }
    }
}
