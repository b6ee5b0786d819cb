package dev.postwright.store.postgres;

import dev.postwright.store.Sql;
import dev.postwright.store.StoreException;
import dev.postwright.store.postgres.PostgresUnavailableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * Forward-only schema migrations of a PostgreSQL database, from
 * {@code src/main/resources/dev/postwright/store/migrations/postgresql/}: script n brings the
 * schema to version n, recorded as a row of {@code schema_version} (PostgreSQL has no
 * {@code PRAGMA user_version}). The SQLite scripts beside them are SQLite's own; where the two
 * databases differ each has its script, and both number their versions separately.
 *
 * <p>Every pending script runs in one transaction that first takes a transaction-scoped advisory
 * lock: several nodes starting at once wait for each other, the first applies the scripts, the
 * others find the schema current. DDL is transactional in PostgreSQL, so a script that fails
 * leaves the schema as it was.
 */
public final class PostgresMigrations {
    /** Never edit a released script; add a new one. */
    static final List<String> SCRIPTS = List.of("V1__job_queue.sql", "V2__event_counter.sql", "V3__library.sql",
            "V4__stage_timings.sql", "V5__images.sql", "V6__publishing.sql");
    /** The advisory lock's key, "postwrit" in ASCII; advisory locks are per database, so it only has to be ours there. */
    static final long LOCK = 0x706f_7374_7772_6974L;

    private PostgresMigrations() {}

    public static int latest() {
        return SCRIPTS.size();
    }

    /** The schema's version: 0 for a database Postwright has not migrated. */
    public static int currentVersion(PostgresPool pool) {
        return pool.read(sql -> exists(sql) ? version(sql) : 0);
    }

    /**
     * Applies every script past the database's version; returns how many this call applied (0
     * when another node did, or nothing was pending).
     *
     * @throws PostgresUnavailableException the schema is newer than this Postwright knows
     *                                      ({@link Reason#NEWER_SCHEMA}); nothing was changed
     * @throws StoreException               a script or the database failed; nothing was changed
     */
    public static int migrate(PostgresPool pool) throws PostgresUnavailableException {
        int result = pool.transaction(sql -> {
            sql.queryOne("SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK);
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version    INTEGER PRIMARY KEY,
                        script     TEXT NOT NULL,
                        applied_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            int current = version(sql);
            if (current > latest()) return -current;
            for (int version = current + 1; version <= latest(); version++) {
                // pgjdbc runs a script of several statements in one call, dollar-quoted bodies included.
                sql.execute(script(SCRIPTS.get(version - 1)));
                sql.update("INSERT INTO schema_version (version, script) VALUES (?, ?)", version, SCRIPTS.get(version - 1));
            }
            return latest() - current;
        });
        if (result < 0) {
            throw new PostgresUnavailableException(Reason.NEWER_SCHEMA, "The database at " + pool.address().target()
                    + " was written by a newer version of Postwright (schema " + -result + "; this version knows up to "
                    + latest() + "). Update Postwright on this node.", null);
        }
        return result;
    }

    private static boolean exists(Sql sql) throws SQLException {
        return sql.queryOne("SELECT to_regclass('schema_version') IS NOT NULL", rs -> rs.getBoolean(1)).orElse(false);
    }

    private static int version(Sql sql) throws SQLException {
        return sql.queryOne("SELECT COALESCE(MAX(version), 0) FROM schema_version", rs -> rs.getInt(1)).orElse(0);
    }

    static String script(String name) {
        String path = "/dev/postwright/store/migrations/postgresql/" + name;
        try (InputStream in = PostgresMigrations.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("migration " + path + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
