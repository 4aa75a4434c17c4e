package dev.filament.http.auth;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.GetMeUseCase;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.application.wire.TokenShape;
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

    /** {@code {user_id, username, about_markdown, about_markdown_tokens, avatar_version, banner_version}}. */
    record Me(String userId, String username, String aboutMarkdown, List<TokenShape> aboutMarkdownTokens,
              long avatarVersion, long bannerVersion) {
        static Me of(GetMeUseCase.Me me, List<TokenShape> tokens) {
            return new Me(me.userId().value(), me.username().value(), me.aboutMarkdown(), tokens, me.avatarVersion(),
                    me.bannerVersion());
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
