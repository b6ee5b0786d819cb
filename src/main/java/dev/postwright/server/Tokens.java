package dev.postwright.server;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Issues and checks the server's bearer tokens: HS256 JWTs whose {@code sub} names the user.
 * A token without a subject, without an expiry, with another algorithm, a bad signature, or past
 * its expiry is refused (a token that never expires cannot be taken back short of a new secret). Messages never include the token. Thread-safe.
 */
public final class Tokens {
    static final String ISSUER = "postwright";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;

    public Tokens(byte[] secret, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)
                .withClaimPresence("exp").acceptLeeway(30))
                .build(clock);
    }

    /** A token for {@code user}, valid for {@code lifetime} (positive: every token expires). */
    public String issue(String user, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("a token must expire");
        var now = clock.instant();
        return JWT.create().withIssuer(ISSUER).withSubject(user).withIssuedAt(now).withExpiresAt(now.plus(lifetime))
                .sign(algorithm);
    }

    /** The user a valid token names; empty for anything else. */
    public Optional<String> user(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        try {
            String subject = verifier.verify(token).getSubject();
            return subject == null || subject.isBlank() ? Optional.empty() : Optional.of(subject);
        } catch (JWTVerificationException refused) {
            return Optional.empty();
        }
    }
}
