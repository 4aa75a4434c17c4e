package dev.filament.application.identity.port.in;

import dev.filament.domain.net.ClientIp;

/** Use case: register an account (SPEC 4.3 {@code POST /auth/register}); does not log in. */
public interface RegisterUserUseCase {

    /**
     * Accepts the registration; returns normally whether or not the name was taken, so the caller cannot tell.
     *
     * @throws dev.filament.domain.error.ForbiddenException {@code captcha_failed} when the captcha is enabled and
     *         the token is missing, malformed or not verified (SPEC 4.4); checked before the username and password
     * @throws dev.filament.domain.error.InvalidRequestException when the username or password breaks SPEC 4.1
     * @throws dev.filament.domain.error.RequestTimeoutException when no hashing slot frees up within the budget
     */
    void register(RegisterUserCommand command);

    /**
     * Raw input as received; {@code captchaToken} is null when absent or JSON null. toString hides the password and
     * the token.
     */
    record RegisterUserCommand(String username, String password, ClientIp clientIp, String captchaToken) {
        public RegisterUserCommand {
            if (clientIp == null) {
                throw new IllegalArgumentException("registerUserCommand: clientIp required");
            }
        }

        /** Without a captcha token. */
        public RegisterUserCommand(String username, String password, ClientIp clientIp) {
            this(username, password, clientIp, null);
        }

        @Override
        public String toString() {
            return "RegisterUserCommand[username=" + username + ", password redacted, clientIp=" + clientIp
                    + ", captchaToken " + (captchaToken == null ? "absent" : "redacted") + "]";
        }
    }
}
