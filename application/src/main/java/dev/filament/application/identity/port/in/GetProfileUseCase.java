package dev.filament.application.identity.port.in;

import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.UserProfile;
import java.util.Objects;

/** Use case: any user's profile (SPEC 4.5 {@code GET /users/{u}/profile}); any authenticated user may read it. */
public interface GetProfileUseCase {

    /** @throws dev.filament.domain.error.NotFoundException 404 unknown user */
    UserProfile get(GetProfileQuery query);

    record GetProfileQuery(UserId user) {
        public GetProfileQuery {
            Objects.requireNonNull(user, "user");
        }
    }
}
