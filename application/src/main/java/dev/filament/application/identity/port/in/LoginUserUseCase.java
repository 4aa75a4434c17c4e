package dev.filament.application.identity.port.in;

import dev.filament.domain.net.ClientIp;

/** Use case: log in with username and password, starting a new session (SPEC 4.3 {@code POST /auth/login}). */
public interface LoginUserUseCase {

    /**
     * @throws dev.filament.domain.error.UnauthenticatedException for every failure (shape, unknown, locked, wrong)
     * @throws dev.filament.domain.error.RequestTimeoutException when no hashing slot frees up within the budget
     */
    AuthResult login(LoginUserCommand command);

    /** Raw input as received; toString hides the password. */
    record LoginUserCommand(String username, String password, ClientIp clientIp) {
        public LoginUserCommand {
            if (clientIp == null) {
                throw new IllegalArgumentException("loginUserCommand: clientIp required");
            }
        }

        @Override
        public String toString() {
            return "LoginUserCommand[username=" + username + ", password redacted, clientIp=" + clientIp + "]";
        }
    }
}
