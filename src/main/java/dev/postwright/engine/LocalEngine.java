package dev.postwright.engine;

import dev.postwright.llm.TextGenerator;
import dev.postwright.pipeline.ContentPipeline;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StageTimings;
import dev.postwright.store.TimeOrderedIds;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Generation on this computer: the database in a data folder, the job queue and its workers,
 * and the content pipeline with one writer. Close it to stop the workers (running jobs resume
 * on the next start) and close the database.
 */
public final class LocalEngine implements AutoCloseable {
    private final Database database;
    private final JobQueue jobs;
    private final PostLibrary library;
    private final OrganizationProfiles profiles;

    private LocalEngine(Database database, JobQueue jobs, PostLibrary library, OrganizationProfiles profiles) {
        this.database = database;
        this.jobs = jobs;
        this.library = library;
        this.profiles = profiles;
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
        Database db = Database.open(DataDirectory.databaseIn(dataDir));
        var library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new SecureRandom()));
        var profiles = new OrganizationProfiles(db, clock);
        var pipeline = new ContentPipeline(writers, profiles, library, new StageTimings(db, clock), SeoAnalyzer.standard(),
                clock);
        JobQueue jobs = JobQueue.builder(db, pipeline).settings(settings).clock(clock).build();
        return new LocalEngine(db, jobs, library, profiles);
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

    public OrganizationProfiles profiles() {
        return profiles;
    }

    @Override
    public void close() {
        jobs.close();
        database.close();
    }
}
