package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.SqlErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link UserRepository} over table {@code users}. Every query runs on the unit of work's context, so it
 * joins the caller's transaction; name look-ups and uniqueness go through the unique index on {@code lower(username)}.
 */
public final class JooqUserRepository implements UserRepository {
    private final DSLContext dsl;
    private final JooqUnitOfWork unitOfWork;
    private final LiveSessionCache sessions;

    /** Without a live-session cache to keep in step with renames. */
    public JooqUserRepository(JooqUnitOfWork unitOfWork) {
        this(unitOfWork, null);
    }

    /** A rename through this repository drops the user's cached sessions once its transaction ends (SPEC 4.5). */
    public JooqUserRepository(JooqUnitOfWork unitOfWork, LiveSessionCache sessions) {
        this.dsl = unitOfWork.dsl();
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
    }

    @Override
    public InsertOutcome insertIfAbsent(User user) {
        // ON CONFLICT without a target covers users_username_lower_uq (an expression index jOOQ does not model)
        // and the primary key; either way nothing is written and the caller learns the name is taken.
        int inserted = dsl.insertInto(USERS).set(UserRows.toRecord(user)).onConflictDoNothing().execute();
        return inserted == 1 ? InsertOutcome.CREATED : InsertOutcome.EXISTS;
    }

    @Override
    public Optional<User> findByUsernameCanonical(Username username) {
        return dsl.selectFrom(USERS)
                .where(DSL.lower(USERS.USERNAME).eq(username.canonical()))
                .fetchOptional()
                .map(UserRows::toUser);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return dsl.selectFrom(USERS).where(USERS.USER_ID.eq(id.value())).fetchOptional().map(UserRows::toUser);
    }

    @Override
    public Optional<User> lockById(UserId id) {
        return dsl.selectFrom(USERS).where(USERS.USER_ID.eq(id.value())).forUpdate().fetchOptional()
                .map(UserRows::toUser);
    }

    @Override
    public Optional<UserProfile> findProfile(UserId id) {
        return dsl.select(UserRows.PROFILE).from(USERS).where(USERS.USER_ID.eq(id.value())).fetchOptional()
                .map(UserRows::toProfile);
    }

    @Override
    public Optional<UserProfile> lockProfile(UserId id) {
        return dsl.select(UserRows.PROFILE).from(USERS).where(USERS.USER_ID.eq(id.value())).forUpdate()
                .fetchOptional().map(UserRows::toProfile);
    }

    @Override
    public ProfileWrite updateProfile(UserId id, Username username, AboutMarkdown about) {
        try {
            dsl.update(USERS).set(USERS.USERNAME, username.value()).set(USERS.ABOUT_MARKDOWN, about.value())
                    .where(USERS.USER_ID.eq(id.value())).execute();
            if (sessions != null) {
                unitOfWork.afterTransaction(() -> sessions.renamed(id, username)); // the next request reads the new name
            }
            return ProfileWrite.UPDATED;
        } catch (DataAccessException e) {
            // users_username_lower_uq: another user holds the name, possibly committed while this update waited
            if (SqlErrors.isUniqueViolation(e)) {
                return ProfileWrite.USERNAME_TAKEN;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredImage> findImage(UserId id, ProfileImageKind kind) {
        ImageColumns c = ImageColumns.of(kind);
        return dsl.select(c.key(), c.mime(), c.size(), c.sha256(), c.version()).from(USERS)
                .where(USERS.USER_ID.eq(id.value()).and(c.key().isNotNull())).fetchOptional()
                .map(r -> new StoredImage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    @Override
    public Optional<String> replaceImage(UserId id, ProfileImageKind kind, StoredImage image) {
        ImageColumns c = ImageColumns.of(kind);
        Optional<String> previous = Optional.ofNullable(
                dsl.select(c.key()).from(USERS).where(USERS.USER_ID.eq(id.value())).fetchOne(c.key()));
        dsl.update(USERS).set(c.key(), image.objectKey()).set(c.mime(), image.mimeType())
                .set(c.size(), image.sizeBytes()).set(c.sha256(), image.sha256Hex()).set(c.version(), image.version())
                .where(USERS.USER_ID.eq(id.value())).execute();
        return previous;
    }

    @Override
    public Map<UserId, UserSummary> findSummaries(Set<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> keys = ids.stream().map(UserId::value).toList();
        Map<UserId, UserSummary> found = new HashMap<>();
        dsl.select(USERS.USER_ID, USERS.USERNAME, USERS.AVATAR_VERSION)
                .from(USERS)
                .where(USERS.USER_ID.in(keys))
                .fetch()
                .forEach(r -> {
                    UserSummary summary = UserRows.toSummary(r);
                    found.put(summary.userId(), summary);
                });
        return found;
    }
}
