package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.jooq.tables.records.UsersRecord;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;

/** Maps {@code users} rows to and from the domain; keeps jOOQ types inside this package. */
final class UserRows {
    private UserRows() {
    }

    static UsersRecord toRecord(User user) {
        UsersRecord r = new UsersRecord();
        r.setUserId(user.id().value());
        r.setUsername(user.username().value());
        r.setPasswordHash(user.passwordHash().value());
        r.setCreatedAt(Timestamps.stored(user.createdAt()));
        return r;
    }

    static User toUser(UsersRecord r) {
        return User.rehydrate(new UserId(r.getUserId()), new Username(r.getUsername()),
                new PasswordHash(r.getPasswordHash()), Timestamps.instant(r.getCreatedAt()));
    }

    /** The columns of {@link #toProfile}. */
    static final List<Field<?>> PROFILE = List.of(USERS.USER_ID, USERS.USERNAME, USERS.ABOUT_MARKDOWN,
            USERS.AVATAR_VERSION, USERS.BANNER_VERSION);

    static UserProfile toProfile(Record r) {
        return new UserProfile(new UserId(r.get(USERS.USER_ID)), new Username(r.get(USERS.USERNAME)),
                new AboutMarkdown(r.get(USERS.ABOUT_MARKDOWN)), r.get(USERS.AVATAR_VERSION),
                r.get(USERS.BANNER_VERSION));
    }

    static UserSummary toSummary(Record r) {
        return new UserSummary(new UserId(r.get(USERS.USER_ID)), new Username(r.get(USERS.USERNAME)),
                r.get(USERS.AVATAR_VERSION));
    }
}
