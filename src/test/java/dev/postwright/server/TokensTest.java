package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.postwright.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    final byte[] secret = "thirty-two bytes or more of secret text".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTokenNamesItsUserUntilItExpires() {
        var tokens = new Tokens(secret, clock);
        String token = tokens.issue("alice", Duration.ofHours(1));
        assertThat(tokens.user(token)).contains("alice");
        clock.advance(Duration.ofMinutes(61));
        assertThat(tokens.user(token)).isEmpty();
    }

    @Test
    void forgedUnsignedSubjectlessAndForeignTokensAreRefused() {
        var tokens = new Tokens(secret, clock);
        var now = clock.instant();
        String otherKey = JWT.create().withIssuer(Tokens.ISSUER).withSubject("alice").withExpiresAt(now.plusSeconds(60))
                .sign(Algorithm.HMAC256("another key that is also long enough!!"));
        String unsigned = JWT.create().withIssuer(Tokens.ISSUER).withSubject("alice").sign(Algorithm.none());
        String noSubject = JWT.create().withIssuer(Tokens.ISSUER).withExpiresAt(now.plusSeconds(60))
                .sign(Algorithm.HMAC256(secret));
        String otherIssuer = JWT.create().withIssuer("someone-else").withSubject("alice")
                .withExpiresAt(now.plusSeconds(60)).sign(Algorithm.HMAC256(secret));
        for (String token : List.of(otherKey, unsigned, noSubject, otherIssuer, "garbage", "")) {
            assertThat(tokens.user(token)).as(token).isEmpty();
        }
        assertThat(tokens.user(null)).isEmpty();
    }

    @Test
    void aSecretIsMadeOnceReadableOnlyByItsOwnerAndSharedByEveryoneWhoLoadsIt() throws Exception {
        Path data = dir.resolve("data");
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<byte[]>> loads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                loads.add(pool.submit((Callable<byte[]>) () -> ServerSecret.load(null, Map.of(), data)));
            }
            byte[] first = loads.getFirst().get();
            for (var load : loads) assertThat(load.get()).isEqualTo(first);
        }
        Path file = data.resolve(ServerSecret.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file); // no temporary files left behind
        }
    }

    @Test
    void theEnvironmentOrANamedFileComesFirstAndShortSecretsAreRefusedInWords() throws Exception {
        String fromEnv = "an environment secret of at least 32 bytes";
        assertThat(ServerSecret.load(null, Map.of(ServerSecret.ENV, fromEnv), dir))
                .isEqualTo(fromEnv.getBytes(StandardCharsets.UTF_8));
        Path named = Files.writeString(dir.resolve("named"), "a file secret of at least thirty-two bytes\n");
        assertThat(new String(ServerSecret.load(named, Map.of(ServerSecret.ENV, fromEnv), dir), StandardCharsets.UTF_8))
                .isEqualTo("a file secret of at least thirty-two bytes");
        assertThatThrownBy(() -> ServerSecret.load(null, Map.of(ServerSecret.ENV, "short"), dir))
                .hasMessageContaining("shorter than 32 bytes").hasMessageNotContaining("short\"");
        assertThatThrownBy(() -> ServerSecret.load(dir.resolve("missing"), Map.of(), dir))
                .hasMessageContaining("cannot be read");
        assertThat(Files.exists(dir.resolve(ServerSecret.FILE))).isFalse();
    }
}
