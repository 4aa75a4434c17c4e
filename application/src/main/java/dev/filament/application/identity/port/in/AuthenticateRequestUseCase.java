package dev.filament.application.identity.port.in;

import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.net.ClientIp;

/** Use case: authenticate a request's bearer token (SPEC 4.2): verify it, then one live-session lookup. */
public interface AuthenticateRequestUseCase {

    /**
     * @throws dev.filament.domain.error.UnauthenticatedException with reason {@code invalid}, {@code expired} or
     *         {@code session_dead}
     */
    AuthenticatedUser authenticate(AuthenticateRequestCommand command);

    /** Either a raw bearer token, or claims the edge already verified for the baseline limit (SPEC 2.3). */
    sealed interface AuthenticateRequestCommand {
        ClientIp clientIp();

        record WithToken(String accessToken, ClientIp clientIp) implements AuthenticateRequestCommand {
            public WithToken {
                if (clientIp == null) {
                    throw new IllegalArgumentException("withToken: clientIp required");
                }
            }

            @Override
            public String toString() {
                return "WithToken[token redacted, clientIp=" + clientIp + "]";
            }
        }

        record WithVerifiedClaims(AccessClaims claims, ClientIp clientIp) implements AuthenticateRequestCommand {
            public WithVerifiedClaims {
                if (claims == null || clientIp == null) {
                    throw new IllegalArgumentException("withVerifiedClaims: claims and clientIp required");
                }
            }
        }
    }
}
