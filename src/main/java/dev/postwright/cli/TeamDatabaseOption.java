package dev.postwright.cli;

import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresAddressException;
import dev.postwright.store.postgres.PostgresDatabase;
import dev.postwright.store.postgres.PostgresPool;
import dev.postwright.store.postgres.PostgresUnavailableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --database postgresql://…} and {@code --database-password-file}: a team's PostgreSQL,
 * shared by every {@code serve} node, instead of the data folder's SQLite file (decision 0042).
 * The address may also come from {@value #ENV}. Whatever goes wrong is said without the password.
 */
final class TeamDatabaseOption {
    static final String ENV = "POSTWRIGHT_DATABASE";

    @Option(names = "--database", paramLabel = "postgresql://USER@HOST:PORT/DB", defaultValue = "${env:" + ENV + "}",
            description = "Keep jobs, posts and images in this PostgreSQL database, which every serve node of a team "
                    + "shares, instead of the data folder's SQLite file (also " + ENV + "). The password comes from "
                    + "the address, PGPASSWORD or --database-password-file.")
    String address;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "A file whose first line is the database password (readable by you only).")
    Path passwordFile;

    /** Fewer leave no connection to read with beside the writers' and the listener's. */
    static final int MIN_CONNECTIONS = PostgresDatabase.RESERVED_CONNECTIONS + 1;
    static final int MAX_CONNECTIONS = 200;

    @Option(names = "--database-connections", paramLabel = "N", defaultValue = "11",
            description = "The most connections this node opens to the database (default: ${DEFAULT-VALUE}; "
                    + "at least " + MIN_CONNECTIONS + "): " + PostgresDatabase.RESERVED_CONNECTIONS
                    + " are kept for its writers and its listener, the rest serve reads.")
    int connections;

    /** The database opened (and migrated), or why not; an empty result means none was asked for. */
    record Opened(PostgresDatabase database, int exitCode) {
        boolean failed() {
            return exitCode != ExitCodes.OK;
        }
    }

    boolean given() {
        return address != null && !address.isBlank();
    }

    /** Opens the database when one was given; explains on {@code err} and returns the exit code when it cannot. */
    Opened open(PrintWriter err) {
        if (!given()) return new Opened(null, ExitCodes.OK);
        if (connections < MIN_CONNECTIONS || connections > MAX_CONNECTIONS) {
            err.println("--database-connections must be between " + MIN_CONNECTIONS + " and " + MAX_CONNECTIONS
                    + " (it was " + connections + "): " + PostgresDatabase.RESERVED_CONNECTIONS
                    + " are the writers' and the listener's, and reads need at least one more.");
            return new Opened(null, ExitCodes.BAD_INPUT);
        }
        PostgresAddress parsed;
        try {
            parsed = PostgresAddress.parse(address.strip(), System.getenv(), passwordFile);
        } catch (PostgresAddressException e) {
            err.println(e.getMessage());
            return new Opened(null, ExitCodes.BAD_INPUT);
        }
        parsed.warnings().forEach(err::println);
        try {
            return new Opened(PostgresDatabase.open(parsed, PostgresPool.Settings.DEFAULTS
                    .withSize(connections - PostgresDatabase.RESERVED_CONNECTIONS)), ExitCodes.OK);
        } catch (PostgresUnavailableException e) {
            err.println(e.getMessage());
            return new Opened(null, ExitCodes.DATABASE_UNAVAILABLE);
        }
    }
}
