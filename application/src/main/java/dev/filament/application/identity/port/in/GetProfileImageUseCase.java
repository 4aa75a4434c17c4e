package dev.filament.application.identity.port.in;

import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import java.util.Objects;

/** Use case: the stored avatar or banner of any user (SPEC 4.5 {@code GET /users/{u}/avatar|banner}); public. */
public interface GetProfileImageUseCase {

    /** @throws dev.filament.domain.error.NotFoundException 404 unknown user or no such image */
    StoredImage get(GetProfileImageQuery query);

    record GetProfileImageQuery(UserId user, ProfileImageKind kind) {
        public GetProfileImageQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
