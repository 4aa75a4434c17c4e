package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.SERVER_SECRETS;

import dev.filament.application.identity.port.out.TokenKeyStore;
import dev.filament.domain.identity.TokenKey;
import dev.filament.postgres.JooqUnitOfWork;
import java.time.Clock;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link TokenKeyStore}: row {@value #TOKEN_KEY} of {@code server_secrets}. Insert-if-absent then read, in
 * the caller's transaction: a concurrent first insert makes ours wait on the primary key and then do nothing, and the
 * read that follows (a fresh READ COMMITTED snapshot) sees the winner's key, so every process agrees.
 */
public final class JooqTokenKeyStore implements TokenKeyStore {
    static final String TOKEN_KEY = "token_key";

    private final DSLContext dsl;
    private final Clock clock;
    private final String name;

    public JooqTokenKeyStore(JooqUnitOfWork unitOfWork, Clock clock) {
        this(unitOfWork, clock, TOKEN_KEY);
    }

    /** A store for another row name: lets tests start from an absent key in a shared database. */
    JooqTokenKeyStore(JooqUnitOfWork unitOfWork, Clock clock, String name) {
        this.dsl = unitOfWork.dsl();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public TokenKey loadOrCreate(TokenKey candidate) {
        dsl.insertInto(SERVER_SECRETS)
                .set(SERVER_SECRETS.NAME, name)
                .set(SERVER_SECRETS.VALUE, candidate.bytes())
                .set(SERVER_SECRETS.CREATED_AT, Timestamps.stored(clock.instant()))
                .onConflictDoNothing()
                .execute();
        byte[] stored = dsl.select(SERVER_SECRETS.VALUE).from(SERVER_SECRETS)
                .where(SERVER_SECRETS.NAME.eq(name))
                .fetchOptional(SERVER_SECRETS.VALUE)
                .orElseThrow(() -> new IllegalStateException("server_secrets." + name + " vanished after insert"));
        if (stored.length != TokenKey.LENGTH) {
            throw new IllegalStateException("server_secrets." + name + " must hold " + TokenKey.LENGTH
                    + " bytes, holds " + stored.length);
        }
        return TokenKey.of(stored);
    }
}
