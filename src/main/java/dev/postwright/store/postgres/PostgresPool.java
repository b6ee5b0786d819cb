package dev.postwright.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.postwright.store.Sql;
import dev.postwright.store.SqlWork;
import dev.postwright.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;

/**
 * Pooled connections (HikariCP) to one PostgreSQL database, and work run on them in a
 * transaction with the same {@link Sql} helper and {@link SqlWork} as {@code store.Database}.
 *
 * <p>Unlike SQLite's one writer thread, every call here runs on the caller's thread on a
 * connection of its own; PostgreSQL orders concurrent writers itself (row locks, READ COMMITTED).
 * Thread-safe. Connections carry {@code ApplicationName=postwright}, so {@code pg_stat_activity}
 * shows which sessions are ours. The password goes to the pool apart from the URL and is never
 * in a log line, message or exception.
 */
public final class PostgresPool implements AutoCloseable {
    /**
     * @param size              the most connections open at once (also how many are kept open)
     * @param connectionTimeout how long opening, or waiting for a free connection, may take
     * @param threads           makes the pool's housekeeping threads
     */
    public record Settings(int size, Duration connectionTimeout, ThreadFactory threads) {
        public static final Settings DEFAULTS = new Settings(10, Duration.ofSeconds(5),
                Thread.ofPlatform().daemon().name("postwright-pg-", 1).factory());

        public Settings {
            if (size < 1) throw new IllegalArgumentException("a pool needs at least one connection: " + size);
            // HikariCP's floor; below it the pool would silently use its default of 30 seconds.
            if (connectionTimeout.toMillis() < 250) throw new IllegalArgumentException("timeout under 250 ms: " + connectionTimeout);
        }

        public Settings withSize(int size) {
            return new Settings(size, connectionTimeout, threads);
        }
    }

    /** A transaction started from inside another's work would wait for a second connection, maybe forever. */
    private static final ThreadLocal<Boolean> IN_WORK = ThreadLocal.withInitial(() -> false);

    private final PostgresAddress address;
    private final HikariDataSource pool;
    private final String description;

    private PostgresPool(PostgresAddress address, HikariDataSource pool, String description) {
        this.address = address;
        this.pool = pool;
        this.description = description;
    }

    public static PostgresPool open(PostgresAddress address) throws PostgresUnavailableException {
        return open(address, Settings.DEFAULTS);
    }

    /**
     * Connects once outside the pool, so a wrong password, an unknown database or a server that is
     * not there is one sentence at once (the pool would retry until its timeout), then starts the
     * pool. The database need not be migrated ({@link PostgresMigrations}).
     *
     * @throws PostgresUnavailableException with a sentence for the operator; nothing was started
     */
    public static PostgresPool open(PostgresAddress address, Settings settings) throws PostgresUnavailableException {
        return open(address, settings, "postwright-postgres");
    }

    /** As {@link #open(PostgresAddress, Settings)}, the pool named {@code name} in HikariCP's threads and log. */
    static PostgresPool open(PostgresAddress address, Settings settings, String name) throws PostgresUnavailableException {
        Properties properties = properties(address, settings);
        String description;
        try (Connection probe = DriverManager.getConnection(address.jdbcUrl(), properties)) {
            description = describe(probe, address);
        } catch (SQLException e) {
            throw PostgresErrors.unavailable(e, address);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        address.password().ifPresent(config::setPassword);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(settings.size());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setAutoCommit(false); // every borrow is one transaction, ended by commit or rollback below
        config.setInitializationFailTimeout(-1); // the probe above has just said the server is there
        config.setThreadFactory(settings.threads());
        return new PostgresPool(address, new HikariDataSource(config), description);
    }

    /** The driver properties of every connection to {@code address}: the pool's, and the one that listens for announcements. */
    static Properties properties(PostgresAddress address, Settings settings) {
        Properties properties = new Properties();
        properties.setProperty("user", address.user());
        address.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "postwright");
        int seconds = (int) Math.max(1, settings.connectionTimeout().toSeconds());
        if (!address.parameters().containsKey("connect_timeout")) properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("loginTimeout", String.valueOf(seconds));
        // A node whose database machine vanished learns it from the kernel, not from a hung read.
        properties.setProperty("tcpKeepAlive", "true");
        // No Kerberos: GSS would need java.security.jgss, which the packaged runtime leaves out.
        properties.setProperty("gssEncMode", "disable");
        return properties;
    }

    private static String describe(Connection connection, PostgresAddress address) throws SQLException {
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT current_setting('server_version'), current_user")) {
            rs.next();
            String version = rs.getString(1).split(" ", 2)[0]; // "15.18 (Debian 15.18-0+deb12u1)"
            return "PostgreSQL " + version + " at " + address.target() + " as " + rs.getString(2);
        }
    }

    public PostgresAddress address() {
        return address;
    }

    /** For the serve log and /healthz: {@code PostgreSQL 15.18 at HOST:PORT/DB as USER}; no password. */
    public String describe() {
        return description;
    }

    /**
     * One round trip on a pooled connection now; tried once more on a new connection when the
     * first fails. The pooled connections the server dropped while they were idle (a restart, an
     * administrator ending sessions) fail one each though the database answers, and HikariCP
     * lends one it used less than half a second ago without testing it, so the retry first
     * retires every idle connection; a second pooled one could be as dead as the first.
     *
     * @throws PostgresUnavailableException the database cannot be reached, in a sentence
     */
    public void check() throws PostgresUnavailableException {
        try {
            roundTrip();
        } catch (SQLException first) {
            pool.getHikariPoolMXBean().softEvictConnections();
            try {
                roundTrip();
            } catch (SQLException e) {
                throw PostgresErrors.unavailable(e, address);
            }
        }
    }

    private void roundTrip() throws SQLException {
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            connection.rollback();
        }
    }

    /**
     * Runs {@code work} in one transaction on a pooled connection of this thread and commits it:
     * all of it, or, when it throws, none of it (rolled back), and the connection goes back to
     * the pool either way. Work is not retried; a serialization failure or deadlock is the
     * caller's to retry. Must not be called from inside other work.
     *
     * @throws StoreException for database failures: {@link StoreException#databaseUnavailable()}
     *                        when the server cannot be reached or used; the work's own runtime
     *                        exceptions pass through unchanged
     */
    public <T> T transaction(SqlWork<T> work) {
        return run(work, false);
    }

    /** As {@link #transaction}, in a read-only transaction: a write in {@code work} fails. */
    public <T> T read(SqlWork<T> work) {
        return run(work, true);
    }

    private <T> T run(SqlWork<T> work, boolean readOnly) {
        if (IN_WORK.get()) throw new IllegalStateException("transaction() called from inside other work");
        if (pool.isClosed()) throw new IllegalStateException("the pool for " + address.target() + " is closed");
        IN_WORK.set(true);
        try (Connection connection = pool.getConnection()) {
            if (readOnly) connection.setReadOnly(true); // the pool resets it when the connection comes back
            try {
                T result = work.run(Sql.over(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            // One connection the server ended means the others likely were too: retire them all
            // so the next work opens a new one instead of failing on each dead one in turn.
            if (PostgresErrors.connectionLost(e)) pool.getHikariPoolMXBean().softEvictConnections();
            throw PostgresErrors.toStoreException(e, address);
        } finally {
            IN_WORK.remove();
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is likely broken; HikariCP evicts it rather than lend it again.
            failure.addSuppressed(e);
        }
    }

    /** Closes every connection; work still running finishes on its own connection first. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }
}
