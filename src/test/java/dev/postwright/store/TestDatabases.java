package dev.postwright.store;

import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresDatabase;
import dev.postwright.store.postgres.PostgresPool;
import dev.postwright.store.postgres.PostgresUnavailableException;
import dev.postwright.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One new, empty database of either kind for a test that runs as one contract on both: a SQLite
 * file in the test's folder, or a database of its own on the test PostgreSQL (which skips without
 * the package, and fails in CI). Each {@link #open()} is another {@link SqlDatabase} object on the
 * same data: on PostgreSQL, another node. Closing this closes every one it opened (closing is
 * idempotent, so one an engine owns and closed already is fine).
 */
public final class TestDatabases implements AutoCloseable {
    /** The databases a contract runs on; the parameter of its {@code @ParameterizedClass}. */
    public enum Kind { SQLITE, POSTGRESQL }

    private static final PostgresPool.Settings SMALL = PostgresPool.Settings.DEFAULTS.withSize(3);

    private final Kind kind;
    private final Path file;
    private final PostgresAddress address;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private TestDatabases(Kind kind, Path file, PostgresAddress address) {
        this.kind = kind;
        this.file = file;
        this.address = address;
    }

    /** A fresh database of {@code kind}; a SQLite one is {@code dir/p.db}. */
    public static TestDatabases fresh(Kind kind, Path dir) {
        return switch (kind) {
            case SQLITE -> new TestDatabases(kind, dir.resolve("p.db"), null);
            case POSTGRESQL -> new TestDatabases(kind, null, TestPostgres.freshDatabase());
        };
    }

    public Kind kind() {
        return kind;
    }

    /** Opens (and migrates) the database once more; closed with this. */
    public SqlDatabase open() throws DatabaseUnavailableException, PostgresUnavailableException {
        return switch (kind) {
            case SQLITE -> remember(Database.open(file));
            case POSTGRESQL -> remember(PostgresDatabase.open(address, SMALL));
        };
    }

    private <D extends SqlDatabase & AutoCloseable> D remember(D db) {
        opened.add(db);
        return db;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable db : opened.reversed()) db.close();
        opened.clear();
    }
}
