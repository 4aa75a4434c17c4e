package dev.filament.application.identity.port.in;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.identity.UserProfile;
import java.util.Objects;
import java.util.Optional;

/** Use case: change one's username or about text (SPEC 4.5 {@code PATCH /users/me/profile}). */
public interface UpdateProfileUseCase {

    /**
     * Stores the change under the caller's row lock and returns the new state; publishes {@code profile_update} to
     * {@code observers(caller)} with only the fields whose stored value changed (none changed: no event).
     *
     * @throws InvalidRequestException 400 bad username or about text
     * @throws dev.filament.domain.error.ConflictException 409 {@code conflict}: another user holds the name
     *         (case-insensitively), also when it was taken concurrently
     */
    UserProfile update(UpdateProfileCommand command);

    /** Body {@code {username?, about_markdown?}}: at least one present (400 on construction). */
    record UpdateProfileCommand(AuthenticatedUser caller, Optional<String> username, Optional<String> aboutMarkdown) {
        public UpdateProfileCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(aboutMarkdown, "aboutMarkdown");
            if (username.isEmpty() && aboutMarkdown.isEmpty()) {
                throw new InvalidRequestException("at least one of username, about_markdown is required");
            }
        }
    }
}
