package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.LoginCounters;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.jooq.tables.records.UsersRecord;
import java.util.Optional;
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
        r.setFailedLogins((short) user.loginCounters().failedLogins());
        r.setLockedUntil(user.loginCounters().lockedUntil().map(Timestamps::stored).orElse(null));
        r.setCreatedAt(Timestamps.stored(user.createdAt()));
        return r;
    }

    static User toUser(UsersRecord r) {
        LoginCounters counters = new LoginCounters(r.getFailedLogins(),
                Optional.ofNullable(Timestamps.instant(r.getLockedUntil())));
        return User.rehydrate(new UserId(r.getUserId()), new Username(r.getUsername()),
                new PasswordHash(r.getPasswordHash()), counters, Timestamps.instant(r.getCreatedAt()));
    }

    static UserSummary toSummary(Record r) {
        return new UserSummary(new UserId(r.get(USERS.USER_ID)), new Username(r.get(USERS.USERNAME)),
                r.get(USERS.AVATAR_VERSION));
    }
}
