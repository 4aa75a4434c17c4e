package dev.filament.postgres;

import static dev.filament.postgres.jooq.Tables.CHANNELS;
import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.USERS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/** Test rows with unique ids, written through the generated jOOQ tables (so the shared database needs no cleanup). */
final class Rows {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Rows() {
    }

    /** A fresh 26-character id (ids are text; the schema does not check the ULID alphabet). */
    static String id() {
        String raw = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return (raw + Long.toString(SEQUENCE.incrementAndGet(), 36)).substring(0, 26);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    static String user(DSLContext dsl) {
        String id = id();
        user(dsl, id, "u_" + id.substring(0, 20));
        return id;
    }

    static void user(DSLContext dsl, String userId, String username) {
        dsl.insertInto(USERS)
                .set(USERS.USER_ID, userId)
                .set(USERS.USERNAME, username)
                .set(USERS.PASSWORD_HASH, "$argon2id$test")
                .set(USERS.CREATED_AT, now())
                .execute();
    }

    static String guild(DSLContext dsl, String ownerId) {
        String id = id();
        dsl.insertInto(GUILDS)
                .set(GUILDS.GUILD_ID, id)
                .set(GUILDS.NAME, "guild")
                .set(GUILDS.CREATED_BY_USER_ID, ownerId)
                .set(GUILDS.CREATED_AT, now())
                .execute();
        return id;
    }

    static String channel(DSLContext dsl, String guildId) {
        String id = id();
        dsl.insertInto(CHANNELS)
                .set(CHANNELS.CHANNEL_ID, id)
                .set(CHANNELS.GUILD_ID, guildId)
                .set(CHANNELS.NAME, "general")
                .set(CHANNELS.CREATED_AT, now())
                .execute();
        return id;
    }

    static boolean userExists(DSLContext dsl, String userId) {
        return dsl.fetchExists(USERS, USERS.USER_ID.eq(userId));
    }
}
