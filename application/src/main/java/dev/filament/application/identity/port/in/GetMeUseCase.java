package dev.filament.application.identity.port.in;

import dev.filament.domain.identity.UserProfile;

/** Use case: the caller's own profile (SPEC 4.3 {@code GET /auth/me}), read from the database on every call. */
public interface GetMeUseCase {

    /**
     * The caller's {@code UserProfile}; the transport renders {@code about_markdown_tokens} (SPEC 8.3).
     *
     * @throws dev.filament.domain.error.UnauthenticatedException when the account no longer exists
     */
    UserProfile getMe(GetMeQuery query);

    record GetMeQuery(AuthenticatedUser caller) {
        public GetMeQuery {
            if (caller == null) {
                throw new IllegalArgumentException("getMeQuery: caller required");
            }
        }
    }
}
