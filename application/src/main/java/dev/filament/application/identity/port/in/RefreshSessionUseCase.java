package dev.filament.application.identity.port.in;

import dev.filament.domain.net.ClientIp;

/** Use case: rotate a refresh token, detecting replays (SPEC 4.3 {@code POST /auth/refresh}). */
public interface RefreshSessionUseCase {

    /**
     * A new access token and a new refresh token for the same session.
     *
     * @throws dev.filament.domain.error.UnauthenticatedException for a malformed, unknown, stale or replayed token; a
     *         replay also revokes the session
     */
    AuthResult refresh(RefreshSessionCommand command);

    /** Raw input as received; toString hides the token. */
    record RefreshSessionCommand(String refreshToken, ClientIp clientIp) {
        public RefreshSessionCommand {
            if (clientIp == null) {
                throw new IllegalArgumentException("refreshSessionCommand: clientIp required");
            }
        }

        @Override
        public String toString() {
            return "RefreshSessionCommand[token redacted, clientIp=" + clientIp + "]";
        }
    }
}
