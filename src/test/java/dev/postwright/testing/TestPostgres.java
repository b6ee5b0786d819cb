package dev.postwright.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresAddressException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL of src/test/postgres/start.sh (Debian's postgresql package), started once
 * per test JVM in target/postgres-server and stopped by stop.sh when the JVM exits. Without the
 * package it skips, unless POSTWRIGHT_REQUIRE_POSTGRES=1 (set by .ci/run), when it fails.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Properties server;
    private static String failure;

    private TestPostgres() {}

    /** host, port, user (a superuser) and password of the running server; skips or fails without one. */
    public static synchronized Properties server() {
        if (server == null && failure == null) start();
        if (failure != null) {
            if ("1".equals(System.getenv("POSTWRIGHT_REQUIRE_POSTGRES"))) {
                fail("PostgreSQL for the tests did not start: " + failure);
            }
            assumeTrue(false, "PostgreSQL tests skipped (apt-get install postgresql, then mvn -B verify): " + failure);
        }
        return server;
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

    private static void start() {
        Path dir = Path.of("target", "postgres-server").toAbsolutePath();
        Path log = dir.resolveSibling("postgres-start.log");
        try {
            Files.createDirectories(dir.getParent());
            Process start = new ProcessBuilder("bash", "src/test/postgres/start.sh", dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!start.waitFor(120, TimeUnit.SECONDS) || start.exitValue() != 0) {
                start.destroyForcibly();
                failure = "start.sh failed: " + Files.readString(log).strip();
                stop(dir);
                return;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir)));
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("server.properties"))) {
                properties.load(reader);
            }
            server = properties;
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
    }

    private static void stop(Path dir) {
        try {
            new ProcessBuilder("bash", "src/test/postgres/stop.sh", dir.toString()).inheritIO().start()
                    .waitFor(40, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; the next start.sh stops a cluster left behind
        }
    }
}
