package dev.filament.application.identity.port.in;

import dev.filament.application.blob.port.in.DeclaredType;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.UserProfile;
import java.io.InputStream;
import java.util.Objects;

/** Use case: replace one's avatar or banner (SPEC 4.5 {@code POST /users/me/profile/avatar|banner}). */
public interface UploadProfileImageUseCase {

    /**
     * Streams the body into a new blob (never buffered; cap, sniffing and SHA-256 of SPEC 8.7), then stores its
     * metadata and a new version under the caller's row lock, queues the replaced blob for deletion in the same
     * transaction, and publishes {@code profile_avatar_update} / {@code profile_banner_update} to the caller's
     * observers. Returns the new profile. Nothing is stored when it fails.
     *
     * @throws dev.filament.application.blob.port.in.UploadRejectedException 413 over the cap, 415 not an image
     * @throws dev.filament.domain.error.InvalidRequestException 400 empty body or declared type incompatible
     */
    UserProfile upload(UploadProfileImageCommand command);

    /** The declared type was parsed at its step of the route (8.7 step 1); {@code body} is read here, once. */
    record UploadProfileImageCommand(AuthenticatedUser caller, ProfileImageKind kind, DeclaredType declared,
                                     InputStream body) {
        public UploadProfileImageCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(declared, "declared");
            Objects.requireNonNull(body, "body");
        }
    }
}
