package dev.filament.http.auth;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import java.util.List;

/** The response bodies of SPEC 4.3 (auth and lookup), serialized by the shared JSON setup. */
final class AuthBodies {
    private AuthBodies() {
    }

    /** {@code {access_token, refresh_token, expires_in_secs}}. */
    record Tokens(String accessToken, String refreshToken, long expiresInSecs) {
        static Tokens of(AuthResult r) {
            return new Tokens(r.accessToken(), r.refreshToken().value(), r.expiresInSecs());
        }
    }

    /** {@code {users: [{user_id, username, avatar_version}]}}. */
    record Users(List<User> users) {
        static Users of(List<UserSummary> found) {
            return new Users(found.stream().map(u -> new User(u.userId().value(), u.username().value(),
                    u.avatarVersion())).toList());
        }
    }

    record User(String userId, String username, long avatarVersion) {
    }
}
