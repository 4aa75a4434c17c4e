package dev.filament.application.identity.port.in;

import dev.filament.domain.net.ClientIp;

/** Use case: end a session with its current refresh token (SPEC 4.3 {@code POST /auth/logout}). */
public interface LogoutSessionUseCase {

    /**
     * Revokes the session whose current refresh hash matches; an already revoked match also succeeds. Expiry is not
     * checked.
     *
     * @throws dev.filament.domain.error.UnauthenticatedException for a malformed, unknown or mismatched token
     */
    void logout(LogoutSessionCommand command);

    /** Raw input as received; toString hides the token. */
    record LogoutSessionCommand(String refreshToken, ClientIp clientIp) {
        public LogoutSessionCommand {
            if (clientIp == null) {
                throw new IllegalArgumentException("logoutSessionCommand: clientIp required");
            }
        }

        @Override
        public String toString() {
            return "LogoutSessionCommand[token redacted, clientIp=" + clientIp + "]";
        }
    }
}
