package dev.postwright.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresAddressTest {
    private static final String SECRET = "s3cr3t-Pw";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://pw@db.example.com:5433/postwright     | pw     | db.example.com | 5433 | postwright | jdbc:postgresql://db.example.com:5433/postwright
            postgres://pw@10.0.0.7/jobs                        | pw     | 10.0.0.7       | 5432 | jobs       | jdbc:postgresql://10.0.0.7:5432/jobs
            POSTGRESQL://pw@localhost/jobs                     | pw     | localhost      | 5432 | jobs       | jdbc:postgresql://localhost:5432/jobs
            postgresql://pw@[::1]:6000/jobs                    | pw     | ::1            | 6000 | jobs       | jdbc:postgresql://[::1]:6000/jobs
            postgresql://team%40acme@db/my%20db                | team@acme | db          | 5432 | my db      | jdbc:postgresql://db:5432/my+db
            postgresql://pw@db/jobs?sslmode=verify-full        | pw     | db             | 5432 | jobs       | jdbc:postgresql://db:5432/jobs?sslmode=verify-full
            postgresql://pw@db/jobs?connect_timeout=3&sslmode=require | pw | db          | 5432 | jobs       | jdbc:postgresql://db:5432/jobs?connectTimeout=3&sslmode=require
            """)
    void readsTheAddressesLibpqWrites(String text, String user, String host, int port, String database, String jdbc)
            throws Exception {
        PostgresAddress address = PostgresAddress.parse(text);
        assertThat(address.user()).isEqualTo(user);
        assertThat(address.host()).isEqualTo(host);
        assertThat(address.port()).isEqualTo(port);
        assertThat(address.database()).isEqualTo(database);
        assertThat(address.jdbcUrl()).isEqualTo(jdbc);
        assertThat(address.passwordOrigin()).isEqualTo(PasswordOrigin.NONE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                          | is empty
            db.example.com:5432/postwright              | must start with postgresql://
            mysql://pw@db/jobs                          | must start with postgresql://
            jdbc:postgresql://db:5432/jobs              | without jdbc:
            postgresql://db.example.com/jobs            | names no user
            postgresql://@db/jobs                       | names no user
            postgresql://pw@db.example.com              | names no database
            postgresql://pw@db/                         | names no database
            postgresql://pw@db/a/b                      | more than one /DB
            postgresql://pw@/jobs                       | names no host
            postgresql://pw@:5432/jobs                  | names no host
            postgresql://pw@db:port/jobs                | a port that is not a number from 1 to 65535
            postgresql://pw@db:0/jobs                   | a port that is not a number from 1 to 65535
            postgresql://pw@db:70000/jobs               | a port that is not a number from 1 to 65535
            postgresql://pw@db1,db2/jobs                | several hosts
            postgresql://pw@[::1/jobs                   | does not close it with ]
            postgresql://pw@db!/jobs                    | not a host name or IP address
            postgresql://pw@db/jobs?sslmode=maybe       | an sslmode that is not one of
            postgresql://pw@db/jobs?connect_timeout=soon | connect_timeout that is not a whole number
            postgresql://pw@db/jobs?target=primary      | the parameter "target", which Postwright does not pass on
            postgresql://pw@db/jobs?password=x          | carries a password parameter
            postgresql://p%zzw@db/jobs                  | a % that is not followed by two hexadecimal digits
            """)
    void refusesWhatIsNotAnAddressInASentence(String text, String problem) {
        assertThatThrownBy(() -> PostgresAddress.parse(text))
                .isInstanceOf(PostgresAddressException.class)
                .hasMessageStartingWith("The database address ")
                .hasMessageContaining(problem)
                .hasMessageContaining("it must look like postgresql://USER@HOST:5432/DB");
    }

    /** Malformed in every place a password can end up: the message names none of it. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://pw:s3cr3t-Pw/jobs
            postgresql://pw:s3cr3t-Pw@db:x/jobs
            postgresql://pw:s3cr3t-Pw@db
            postgresql://pw:s3cr3t-Pw@db/jobs?s3cr3t-Pw=1
            postgresql://pw:s3cr3t-Pw@db/jobs?password=s3cr3t-Pw
            postgresql://pw:s3cr3t-Pw%@db/jobs
            postgresql://s3cr3t-Pw@db:x/jobs
            postgresql:/pw:s3cr3t-Pw@db/jobs
            postgresql://pw:s3cr3t-Pw@s3cr3t-Pw!/jobs
            """)
    void neverPutsThePasswordInAMessage(String text) {
        assertThatThrownBy(() -> PostgresAddress.parse(text))
                .isInstanceOf(PostgresAddressException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("s3cr3t"));
    }

    @Test
    void takesThePasswordFromTheAddressFirstAndShowsItNowhere() throws Exception {
        PostgresAddress address = PostgresAddress.parse("postgresql://pw:" + SECRET + "@db:5433/jobs?sslmode=require",
                Map.of("PGPASSWORD", "from-env"), null);
        assertThat(address.password()).contains(SECRET);
        assertThat(address.passwordOrigin()).isEqualTo(PasswordOrigin.ADDRESS);
        assertThat(address.toString()).isEqualTo("postgresql://pw@db:5433/jobs?sslmode=require").doesNotContain(SECRET);
        assertThat(address.jdbcUrl()).doesNotContain(SECRET);
        assertThat(address.target()).isEqualTo("db:5433/jobs");
    }

    @Test
    void aPasswordWithAtSignsSlashesAndColonsNeedsNoEncoding() throws Exception {
        PostgresAddress address = PostgresAddress.parse("postgresql://pw:a@b/c:d@db/jobs");
        assertThat(address.password()).contains("a@b/c:d");
        assertThat(address.host()).isEqualTo("db");
        assertThat(address.toString()).isEqualTo("postgresql://pw@db:5432/jobs");
    }

    @Test
    void anEncodedPasswordIsDecodedAndAPlusStaysAPlus() throws Exception {
        assertThat(PostgresAddress.parse("postgresql://pw:a%3Fb+c@db/jobs").password()).contains("a?b+c");
    }

    @Test
    void takesPgpasswordWhenTheAddressHasNone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "from-file\n");
        PostgresAddress address = PostgresAddress.parse("postgresql://pw@db/jobs", Map.of("PGPASSWORD", SECRET), file);
        assertThat(address.password()).contains(SECRET);
        assertThat(address.passwordOrigin()).isEqualTo(PasswordOrigin.ENVIRONMENT);
        assertThat(address.warnings()).containsExactly("The password file " + file + " is not read: PGPASSWORD gives the password.");
    }

    @Test
    void readsThePasswordFilesFirstLineLast(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), SECRET + "\r\nsecond line\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        PostgresAddress address = PostgresAddress.parse("postgresql://pw@db/jobs", Map.of("PGPASSWORD", ""), file);
        assertThat(address.password()).contains(SECRET);
        assertThat(address.passwordOrigin()).isEqualTo(PasswordOrigin.FILE);
        assertThat(address.warnings()).isEmpty();
        assertThat(address.toString()).doesNotContain(SECRET);
    }

    @Test
    void warnsInWordsWhenOthersCanReadThePasswordFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PostgresAddress address = PostgresAddress.parse("postgresql://pw@db/jobs", Map.of(), file);
        assertThat(address.password()).contains(SECRET);
        assertThat(address.warnings()).singleElement().asString()
                .isEqualTo("The password file " + file + " can be read by other users of this computer; make it private "
                        + "with chmod 600 " + file + ".")
                .doesNotContain(SECRET);
    }

    @Test
    void refusesAMissingOrEmptyPasswordFileInASentence(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> PostgresAddress.parse("postgresql://pw@db/jobs", Map.of(), missing))
                .hasMessage("The password file " + missing + " does not exist.");
        Path empty = Files.writeString(dir.resolve("empty"), "\nsecond");
        assertThatThrownBy(() -> PostgresAddress.parse("postgresql://pw@db/jobs", Map.of(), empty))
                .hasMessage("The password file " + empty + " is empty; its first line must be the password.");
    }
}
