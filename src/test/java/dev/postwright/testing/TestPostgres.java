package dev.postwright.testing;

import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresAddressException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL of src/test/postgres/start.sh (Debian's postgresql package), started once
 * per test JVM in target/postgres-server and stopped by stop.sh when the JVM exits. Without the
 * package it skips, unless POSTWRIGHT_REQUIRE_POSTGRES=1 (set by .ci/run), when it fails.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final TestServer SERVER = new TestServer("PostgreSQL", "src/test/postgres", "postgres-server",
            "server.properties", "POSTWRIGHT_REQUIRE_POSTGRES", "apt-get install postgresql, then mvn -B verify");

    private TestPostgres() {}

    /** host, port, user (a superuser) and password of the running server; skips or fails without one. */
    public static Properties server() {
        return SERVER.properties();
    }

    /** A new, empty database of its own for one test, owned by the server's superuser; its address carries the password. */
    public static PostgresAddress freshDatabase() {
        String name = "test_" + DATABASES.incrementAndGet() + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        Properties s = server();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + s.getProperty("host") + ":"
                + s.getProperty("port") + "/postgres", s.getProperty("user"), s.getProperty("password"));
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
        return address(name, s.getProperty("password"));
    }

    /** {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE} of the test server. */
    public static String url(String database, String password) {
        Properties s = server();
        return "postgresql://" + s.getProperty("user") + ":" + password + "@" + s.getProperty("host") + ":"
                + s.getProperty("port") + "/" + database;
    }

    public static PostgresAddress address(String database, String password) {
        try {
            return PostgresAddress.parse(url(database, password));
        } catch (PostgresAddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
