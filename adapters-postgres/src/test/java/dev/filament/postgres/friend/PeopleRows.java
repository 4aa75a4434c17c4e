package dev.filament.postgres.friend;

import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.GUILD_MEMBERS;
import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.id.UserId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;

/** Test rows for the people tests: fresh users and guilds written through the generated tables. */
final class PeopleRows {
    private static final TestIds IDS = new TestIds();

    private PeopleRows() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    static UserId user(DSLContext dsl, String name) {
        UserId id = IDS.newUserId();
        dsl.insertInto(USERS).set(USERS.USER_ID, id.value()).set(USERS.USERNAME, name)
                .set(USERS.PASSWORD_HASH, "$argon2id$test").set(USERS.CREATED_AT, now()).execute();
        return id;
    }

    /** A new guild owned by the first member, holding exactly {@code members}. */
    static void guildOf(DSLContext dsl, UserId... members) {
        String guild = IDS.next();
        dsl.insertInto(GUILDS).set(GUILDS.GUILD_ID, guild).set(GUILDS.NAME, "people")
                .set(GUILDS.CREATED_BY_USER_ID, members[0].value()).set(GUILDS.CREATED_AT, now()).execute();
        for (UserId member : members) {
            dsl.insertInto(GUILD_MEMBERS).set(GUILD_MEMBERS.GUILD_ID, guild)
                    .set(GUILD_MEMBERS.USER_ID, member.value()).set(GUILD_MEMBERS.JOINED_AT, now()).execute();
        }
    }
}
