package dev.filament.application.identity.port.out;

import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: the stored accounts (table {@code users}). Every method runs inside the caller's
 * {@link dev.filament.application.shared.port.out.UnitOfWork} transaction and blocks only within the database bounds.
 */
public interface UserRepository {

    /** Whether {@link #insertIfAbsent} stored the row. */
    enum InsertOutcome { CREATED, EXISTS }

    /**
     * Inserts {@code user} unless a user with the same name compared case-insensitively exists, in which case nothing
     * is written. Atomic against concurrent inserts of the same name (unique index on {@code lower(username)}).
     */
    InsertOutcome insertIfAbsent(User user);

    /** The user whose name equals {@code username} ignoring case. */
    Optional<User> findByUsernameCanonical(Username username);

    Optional<User> findById(UserId id);

    /** Like {@link #findById} but holds a row lock ({@code FOR UPDATE}) until the transaction ends. */
    Optional<User> lockById(UserId id);

    /** The user's profile (SPEC 4.5); a new user has {@code ""} and versions 0. */
    Optional<UserProfile> findProfile(UserId id);

    /** Like {@link #findProfile} but holds the user's row lock ({@code FOR UPDATE}) until the transaction ends. */
    Optional<UserProfile> lockProfile(UserId id);

    /** Whether {@link #updateProfile} wrote the row. */
    enum ProfileWrite { UPDATED, USERNAME_TAKEN }

    /**
     * Stores the username and about text of an existing user whose row the caller locked. When another user holds
     * {@code username} case-insensitively, answers {@code USERNAME_TAKEN}, also when that user committed the name
     * concurrently (the unique index on {@code lower(username)} decides); the caller must then roll back.
     */
    ProfileWrite updateProfile(UserId id, Username username, AboutMarkdown about);

    /** The user's stored avatar or banner; empty when never uploaded or the user is unknown. */
    Optional<StoredImage> findImage(UserId id, ProfileImageKind kind);

    /**
     * Stores {@code image} (metadata and version) as the user's avatar or banner on a row the caller locked, and
     * returns the object key it replaces, if any (the caller queues that key for deletion in the same transaction).
     */
    Optional<String> replaceImage(UserId id, ProfileImageKind kind, StoredImage image);

    /** Summaries of the users that exist among {@code ids}; unknown ids are absent from the map. No order. */
    Map<UserId, UserSummary> findSummaries(Set<UserId> ids);

    /** What clients may learn about any user by id (SPEC 4.3 users lookup). */
    record UserSummary(UserId userId, Username username, long avatarVersion) {
        public UserSummary {
            if (userId == null || username == null || avatarVersion < 0) {
                throw new IllegalArgumentException("userSummary: userId, username and avatarVersion >= 0 required");
            }
        }
    }
}
