package dev.postwright.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.store.StoreException;
import dev.postwright.store.postgres.PostgresUnavailableException.Reason;
import dev.postwright.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostgresPoolTest {
    private static final PostgresPool.Settings SMALL = PostgresPool.Settings.DEFAULTS.withSize(2);

    @Test
    void connectsAndDescribesTheServerWithoutThePassword() throws Exception {
        PostgresAddress address = TestPostgres.freshDatabase();
        String password = address.password().orElseThrow();
        try (PostgresPool pool = PostgresPool.open(address, SMALL)) {
            assertThat(pool.describe())
                    .matches("PostgreSQL \\d+\\.\\d+ at 127\\.0\\.0\\.1:\\d+/" + address.database() + " as postwright_admin")
                    .doesNotContain(password);
            pool.check();
            assertThat(pool.<Optional<String>>read(sql -> sql.queryOne("SELECT current_setting('application_name')", rs -> rs.getString(1))))
                    .contains("postwright");
        }
    }

    @Test
    void aWrongPasswordIsASentenceWithoutThePassword() {
        String wrong = "not-the-password-" + System.nanoTime();
        PostgresAddress address = TestPostgres.address("postgres", wrong);
        assertThatThrownBy(() -> PostgresPool.open(address, SMALL))
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e).hasMessage("PostgreSQL at " + address.target() + " refused the password of user "
                            + "postwright_admin (from the database address); check it, or the user's password on the server.");
                    assertNoPasswordIn(e, wrong);
                    assertNoPasswordIn(e, TestPostgres.server().getProperty("password"));
                });
    }

    @Test
    void noPasswordAtAllSaysWhereToGiveOne() throws Exception {
        var server = TestPostgres.server();
        PostgresAddress address = PostgresAddress.parse("postgresql://postwright_admin@127.0.0.1:" + server.getProperty("port")
                + "/postgres", Map.of(), null);
        assertThatThrownBy(() -> PostgresPool.open(address, SMALL))
                .isInstanceOfSatisfying(PostgresUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_PASSWORD))
                .hasMessageContaining("set PGPASSWORD, give a password file, or write it in the address");
    }

    @Test
    void anUnknownDatabaseSaysHowToCreateIt() {
        String password = TestPostgres.server().getProperty("password");
        PostgresAddress address = TestPostgres.address("no_such_database", password);
        assertThatThrownBy(() -> PostgresPool.open(address, SMALL))
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DATABASE);
                    assertThat(e.getMessage()).startsWith("PostgreSQL at 127.0.0.1:" + address.port()
                            + " has no database no_such_database; create it (createdb -h 127.0.0.1");
                    assertNoPasswordIn(e, password);
                });
    }

    @Test
    void nothingListeningOnThePortIsASentence() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        PostgresAddress address = PostgresAddress.parse("postgresql://postwright:s3cret@127.0.0.1:" + port + "/jobs");
        assertThatThrownBy(() -> PostgresPool.open(address, SMALL))
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_LISTENING);
                    assertThat(e).hasMessage("Nothing is listening at 127.0.0.1:" + port + ": is PostgreSQL running there, "
                            + "on that port, and does it accept TCP connections (listen_addresses)?");
                    assertNoPasswordIn(e, "s3cret");
                });
    }

    @Test
    void anUnknownHostIsASentence() throws Exception {
        PostgresAddress address = PostgresAddress.parse("postgresql://postwright:s3cret@no-such-host.invalid/jobs");
        assertThatThrownBy(() -> PostgresPool.open(address, SMALL))
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
                    assertThat(e.getMessage()).startsWith("The database host no-such-host.invalid is not known here");
                    assertNoPasswordIn(e, "s3cret");
                });
    }

    @Test
    void workThatThrowsIsRolledBackAndItsConnectionReturns() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(),
                new PostgresPool.Settings(1, Duration.ofSeconds(2), PostgresPool.Settings.DEFAULTS.threads()))) {
            pool.transaction(sql -> {
                sql.execute("CREATE TABLE notes (text TEXT NOT NULL)");
                return null;
            });
            assertThatThrownBy(() -> pool.transaction(sql -> {
                sql.update("INSERT INTO notes (text) VALUES (?)", "half-done");
                throw new IllegalStateException("the work's own failure");
            })).isInstanceOf(IllegalStateException.class).hasMessage("the work's own failure");
            assertThatThrownBy(() -> pool.transaction(sql -> {
                sql.update("INSERT INTO notes (text) VALUES (?)", "also half-done");
                return sql.update("INSERT INTO notes (text) VALUES (NULL)");
            })).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.databaseUnavailable()).isFalse();
                assertThat(e.getMessage()).startsWith("A database operation failed at 127.0.0.1:").contains("SQLState 23502");
            });
            // One connection in the pool: each of these borrows needs it back from the failures above.
            assertThat(pool.<Optional<Long>>read(sql -> sql.queryOne("SELECT count(*) FROM notes", rs -> rs.getLong(1)))).contains(0L);
            pool.transaction(sql -> sql.update("INSERT INTO notes (text) VALUES (?)", "kept"));
            assertThat(pool.<List<String>>read(sql -> sql.query("SELECT text FROM notes", rs -> rs.getString(1)))).containsExactly("kept");
        }
    }

    @Test
    void readWorkCannotWrite() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(), SMALL)) {
            pool.transaction(sql -> sql.update("CREATE TABLE notes (text TEXT)"));
            assertThatThrownBy(() -> pool.read(sql -> sql.update("INSERT INTO notes VALUES ('x')")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("SQLState 25006");
            pool.transaction(sql -> sql.update("INSERT INTO notes VALUES ('x')")); // the connection is writable again
        }
    }

    @Test
    void aTransactionInsideAnothersWorkIsRefused() throws Exception {
        try (PostgresPool pool = PostgresPool.open(TestPostgres.freshDatabase(), SMALL)) {
            assertThatThrownBy(() -> pool.transaction(sql -> pool.read(inner -> 1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(pool.<Integer>read(sql -> 1)).isEqualTo(1);
        }
    }

    @Test
    void sessionsTheServerEndedCostAtMostOneFailureAndNeverAFalseUnhealthy() throws Exception {
        PostgresAddress address = TestPostgres.freshDatabase();
        try (PostgresPool pool = PostgresPool.open(address, PostgresPool.Settings.DEFAULTS.withSize(3))) {
            fillWithLiveConnections(pool, 3);
            endEverySessionOf(address);
            pool.check(); // the database answers: dead pooled connections are not its health

            fillWithLiveConnections(pool, 3);
            endEverySessionOf(address);
            try {
                selectOne(pool);
            } catch (StoreException e) {
                assertThat(e.databaseUnavailable()).isTrue(); // the one failure a dead connection may cost
            }
            assertThat(selectOne(pool)).isEqualTo(1);
            assertThat(selectOne(pool)).isEqualTo(1);
        }
    }

    private static int selectOne(PostgresPool pool) {
        return pool.<Optional<Integer>>read(sql -> sql.queryOne("SELECT 1", rs -> rs.getInt(1))).orElseThrow();
    }

    /** Borrows {@code n} connections at once, each with a round trip, so the pool holds that many, each used just now. */
    private static void fillWithLiveConnections(PostgresPool pool, int n) throws Exception {
        var together = new CyclicBarrier(n);
        var borrowers = new ArrayList<Thread>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        for (int i = 0; i < n; i++) {
            borrowers.add(Thread.ofPlatform().start(() -> {
                try {
                    pool.read(sql -> {
                        sql.queryOne("SELECT 1", rs -> rs.getInt(1));
                        try {
                            together.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return 1;
                    });
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : borrowers) t.join();
        assertThat(failures).isEmpty();
    }

    private static void endEverySessionOf(PostgresAddress address) throws Exception {
        var s = TestPostgres.server();
        try (var admin = DriverManager.getConnection(address.jdbcUrl(), s.getProperty("user"), s.getProperty("password"));
             var ended = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ended.setString(1, address.database());
            try (var rs = ended.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(3);
            }
        }
    }

    private static void assertNoPasswordIn(Throwable e, String password) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(password);
            assertThat(t.toString()).doesNotContain(password);
        }
    }
}
