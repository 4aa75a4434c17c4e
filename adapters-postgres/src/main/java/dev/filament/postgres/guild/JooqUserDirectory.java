package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import org.jooq.DSLContext;

/** PostgreSQL {@link UserDirectory} over {@code users}; {@link #lock} is {@code SELECT ... FOR UPDATE}. */
public final class JooqUserDirectory implements UserDirectory {
    private final DSLContext dsl;

    public JooqUserDirectory(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public boolean exists(UserId user) {
        return dsl.fetchExists(USERS, USERS.USER_ID.eq(user.value()));
    }

    @Override
    public boolean lock(UserId user) {
        // FOR UPDATE on the user row: it serialises the guild-creation cap check of one creator (SPEC 5.7, W2)
        return dsl.selectOne().from(USERS).where(USERS.USER_ID.eq(user.value())).forUpdate().fetchOptional()
                .isPresent();
    }
}
