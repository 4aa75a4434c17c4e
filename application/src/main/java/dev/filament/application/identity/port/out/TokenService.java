package dev.filament.application.identity.port.out;

import dev.filament.domain.identity.AccessClaims;
import java.time.Instant;

/**
 * Out-port: access tokens (SPEC 4.2, 16.1). Pure CPU work of microseconds, no I/O; safe on any thread.
 */
public interface TokenService {

    int MAX_TOKEN_LENGTH = 1024;

    /** A signed token carrying exactly the given claims; at most {@value #MAX_TOKEN_LENGTH} chars. */
    String issue(AccessClaims claims);

    /**
     * The claims of a token that is authentic (right key, supported algorithm and version), not expired at {@code now}
     * and not issued more than 60 s after {@code now}.
     *
     * @throws dev.filament.domain.error.UnauthenticatedException with reason {@code expired} for an authentic but
     *         expired token, else reason {@code invalid}
     */
    AccessClaims verify(String token, Instant now);
}
