package dev.postwright.cli;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.store.SqlDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the local engine for a command, or explains on stderr why it cannot. */
final class Engines {
    private Engines() {}

    /** The engine with the offline writer, or null after printing why not (exit with {@link ExitCodes#DATABASE_UNAVAILABLE}). */
    static LocalEngine open(Path dataDir, int workers, PrintWriter err) {
        return open(dataDir, workers, new OfflineWriter(), err);
    }

    /** The engine with {@code writer}, or null after printing why not. */
    static LocalEngine open(Path dataDir, int workers, dev.postwright.llm.TextGenerator writer, PrintWriter err) {
        return open(dataDir, workers, writer, new OfflineImageMaker(), err);
    }

    /**
     * The engine on a team's database, which it then owns: jobs, posts and images there, shared
     * with every other node; {@code dataDir} keeps only this computer's files (downloaded models).
     */
    static LocalEngine open(SqlDatabase database, Path dataDir, int workers, dev.postwright.llm.TextGenerator writer,
                            ImageMaker images) {
        ConsoleLog.forCommands();
        return LocalEngine.open(database, dataDir, () -> writer, () -> images, QueueSettings.DEFAULTS.withWorkers(workers),
                Clock.systemUTC());
    }

    /** The engine with {@code writer} and {@code images}, or null after printing why not. */
    static LocalEngine open(Path dataDir, int workers, dev.postwright.llm.TextGenerator writer, ImageMaker images,
                            PrintWriter err) {
        ConsoleLog.forCommands();
        try {
            return LocalEngine.open(dataDir, () -> writer, () -> images, QueueSettings.DEFAULTS.withWorkers(workers),
                    Clock.systemUTC());
        } catch (DatabaseUnavailableException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
