package dev.postwright.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.Postwright;
import dev.postwright.cli.ExitCodes;
import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --database postgresql://…}: what it says when it starts (the database, never the
 * password), what it refuses, and {@code /healthz} following the database down and back up.
 */
class ServeOnPostgresTest {
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient();

    @Test
    void aNodeNamesItsDatabaseWithoutThePasswordTakesTokensOfTheSharedSecretAndReportsTheDatabaseInHealthz()
            throws Exception {
        PostgresAddress db = TestPostgres.freshDatabase();
        String password = TestPostgres.server().getProperty("password");
        Path secret = secret();
        var node = ServeNode.start(dir.resolve("node.log"), Map.of("PGPASSWORD", password), "--port", "0",
                "--database", addressOf(db), "--database-connections", "7", "--secret-file", secret.toString(),
                "--data-dir", dir.resolve("data").toString());
        try {
            String url = node.awaitListening(60);
            // Seven connections, as asked: four writers, the listener and two readers, kept open.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (sessionsOf(db) != 7 && System.nanoTime() < deadline) { // HikariCP opens them in the background
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            }
            assertThat(sessionsOf(db)).isEqualTo(7);
            assertThat(get(url + "/healthz")).isEqualTo("200 {\"status\":\"ok\",\"database\":{\"kind\":\"PostgreSQL\","
                    + "\"status\":\"ok\"}}");

            // A token made by `serve token` with the same secret, on no database at all, is taken.
            var out = new StringWriter();
            assertThat(Postwright.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                    .execute("serve", "token", "--user", "ada", "--secret-file", secret.toString(),
                            "--data-dir", dir.resolve("elsewhere").toString())).isZero();
            String token = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
            var create = new Request.Builder().url(url + "/api/v1/jobs/content-generation").header("Authorization", "Bearer " + token)
                    .post(RequestBody.create("{\"topic\": {\"title\": \"On the team database\"}, \"businessInfo\": "
                            + "{\"businessType\": \"Bakery\"}, \"organizationId\": \"org-1\"}", JSON)).build();
            try (Response created = http.newCall(create).execute()) {
                assertThat(created.code()).isEqualTo(201);
            }

            // The database stops taking connections: /healthz says so, without its address; then it is back.
            try (var admin = admin(db)) {
                admin.createStatement().execute("ALTER DATABASE " + db.database() + " ALLOW_CONNECTIONS false");
                admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + db.database() + "'");
                String down = get(url + "/healthz");
                assertThat(down).startsWith("503 ").contains("\"kind\":\"PostgreSQL\",\"status\":\"unavailable\"")
                        .contains("The team database (PostgreSQL) cannot be used now").doesNotContain(db.host())
                        .doesNotContain(db.user());
                admin.createStatement().execute("ALTER DATABASE " + db.database() + " ALLOW_CONNECTIONS true");
                assertThat(get(url + "/healthz")).startsWith("200 ");
            }
        } finally {
            assertThat(node.signalAndWait("TERM", 60)).isZero();
        }
        String log = Files.readString(dir.resolve("node.log"));
        assertThat(log).contains("(jobs, posts and images in PostgreSQL ").contains(" at " + db.target() + " as " + db.user())
                .doesNotContain(password);
    }

    @Test
    void withoutASharedSecretAWrongPasswordOrABadAddressItDoesNotStartAndSaysWhy() throws Exception {
        PostgresAddress db = TestPostgres.freshDatabase();
        String data = dir.resolve("data").toString();
        Run noSecret = serve("--port", "0", "--database", addressOf(db), "--data-dir", data);
        assertThat(noSecret.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noSecret.err()).contains("must sign tokens with one secret").contains("--secret-file");

        String secret = secret().toString();
        String wrong = "postgresql://" + db.user() + ":not-the-password@" + db.host() + ":" + db.port() + "/" + db.database();
        Run refused = serve("--port", "0", "--database", wrong, "--secret-file", secret, "--data-dir", data);
        assertThat(refused.exit()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(refused.err()).contains("refused the password of user " + db.user()).doesNotContain("not-the-password");

        Run tooFew = serve("--port", "0", "--database", addressOf(db), "--database-connections", "5", "--secret-file",
                secret, "--data-dir", data);
        assertThat(tooFew.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tooFew.err()).contains("--database-connections must be between 6 and 200 (it was 5)");

        Run malformed = serve("--port", "0", "--database", "mysql://somewhere/db", "--secret-file", secret, "--data-dir", data);
        assertThat(malformed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(malformed.err()).contains("postgresql://");
    }

    private record Run(int exit, String err) {}

    private static Run serve(String... args) {
        var err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "serve";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = Postwright.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(full);
        return new Run(exit, err.toString());
    }

    private String get(String url) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    private static String addressOf(PostgresAddress db) {
        return "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.database();
    }

    /** The node's sessions on the database, by the application name each of its connections carries. */
    private static int sessionsOf(PostgresAddress db) throws Exception {
        try (var admin = admin(db); var count = admin.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND application_name = 'postwright'")) {
            count.setString(1, db.database());
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static java.sql.Connection admin(PostgresAddress db) throws Exception {
        Properties s = TestPostgres.server();
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres",
                s.getProperty("user"), s.getProperty("password"));
    }

    private Path secret() throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "a-shared-secret-of-forty-characters-long!");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
