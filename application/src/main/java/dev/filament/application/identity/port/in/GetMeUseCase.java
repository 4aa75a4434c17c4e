package dev.filament.application.identity.port.in;

import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;

/** Use case: the caller's own profile (SPEC 4.3 {@code GET /auth/me}). */
public interface GetMeUseCase {

    Me getMe(GetMeQuery query);

    record GetMeQuery(AuthenticatedUser caller) {
        public GetMeQuery {
            if (caller == null) {
                throw new IllegalArgumentException("getMeQuery: caller required");
            }
        }
    }

    /**
     * SPEC 4.3 {@code Me}. The transport renders {@code about_markdown_tokens} from {@code aboutMarkdown} with the
     * markdown tokenizer (SPEC 8.3), which gives {@code []} for Phase 1's empty text.
     */
    record Me(UserId userId, Username username, String aboutMarkdown, long avatarVersion, long bannerVersion) {
    }
}
