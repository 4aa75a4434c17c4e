package dev.filament.domain.identity;

import dev.filament.domain.id.UserId;
import java.util.Objects;

/**
 * What any authenticated user may read about a user (SPEC 4.5 {@code UserProfile}, without the markdown tokens the
 * transport renders). Versions are 0 until the first upload.
 */
public record UserProfile(UserId userId, Username username, AboutMarkdown about, long avatarVersion,
                          long bannerVersion) {
    public UserProfile {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(about, "about");
        if (avatarVersion < 0 || bannerVersion < 0) {
            throw new IllegalArgumentException("versions must be >= 0");
        }
    }

    public UserProfile withUsername(Username newName) {
        return new UserProfile(userId, newName, about, avatarVersion, bannerVersion);
    }

    public UserProfile withAbout(AboutMarkdown newAbout) {
        return new UserProfile(userId, username, newAbout, avatarVersion, bannerVersion);
    }
}
