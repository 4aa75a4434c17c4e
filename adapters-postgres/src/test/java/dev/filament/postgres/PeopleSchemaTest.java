package dev.filament.postgres;

import static dev.filament.postgres.jooq.Tables.FRIENDSHIPS;
import static dev.filament.postgres.jooq.Tables.FRIENDSHIP_REQUESTS;
import static dev.filament.postgres.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.SqlViolations;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC 12.1 V2 and V3: the avatar/banner column checks, the dropped lockout columns, the friend pair keys. */
@ExtendWith(PostgresExtension.class)
class PeopleSchemaTest {
    private static final String SHA = "a".repeat(64);

    @Test
    void v2_dropsTheLockoutColumnsAndAddsTheImageColumns(DSLContext dsl) {
        List<String> columns = dsl.fetchValues("select column_name::text from information_schema.columns"
                + " where table_name = 'users'").stream().map(String.class::cast).toList();
        assertThat(columns).doesNotContain("failed_logins", "locked_until")
                .contains("avatar_object_key", "avatar_mime_type", "avatar_size_bytes", "avatar_sha256_hex",
                        "banner_object_key", "banner_mime_type", "banner_size_bytes", "banner_sha256_hex");
    }

    @Test
    void v2_imageMetadataIsAllOrNothingOfAnAllowedTypeAndSize(DSLContext dsl) {
        String user = Rows.user(dsl);
        assertThat(setAvatar(dsl, user, "avatars/" + user + "/x", "image/png", 10L, SHA)).isEqualTo(1);
        assertCheck(() -> setAvatar(dsl, user, "k", "image/png", 10L, null), "users_avatar_all_or_none_check");
        assertCheck(() -> setAvatar(dsl, user, "k", "image/svg+xml", 10L, SHA), "users_avatar_mime_type_check");
        assertCheck(() -> setAvatar(dsl, user, "k", "image/png", 2_097_153L, SHA), "users_avatar_size_bytes_check");
        assertCheck(() -> setAvatar(dsl, user, "k", "image/png", 10L, "A".repeat(64)),
                "users_avatar_sha256_hex_check");
        assertCheck(() -> setAvatar(dsl, user, "k".repeat(257), "image/png", 10L, SHA),
                "users_avatar_object_key_check");
        assertCheck(() -> dsl.update(USERS).set(USERS.BANNER_OBJECT_KEY, "k").set(USERS.BANNER_MIME_TYPE, "image/gif")
                .set(USERS.BANNER_SIZE_BYTES, 6_291_457L).set(USERS.BANNER_SHA256_HEX, SHA)
                .where(USERS.USER_ID.eq(user)).execute(), "users_banner_size_bytes_check");
    }

    @Test
    void v3_friendshipsAreOrderedPairsAndRequestsOnePerUnorderedPair(DSLContext dsl) {
        String a = Rows.user(dsl);
        String b = Rows.user(dsl);
        String low = a.compareTo(b) < 0 ? a : b;
        String high = low.equals(a) ? b : a;
        assertCheck(() -> dsl.insertInto(FRIENDSHIPS).set(FRIENDSHIPS.USER_A_ID, high)
                .set(FRIENDSHIPS.USER_B_ID, low).set(FRIENDSHIPS.CREATED_AT, Rows.now()).execute(),
                "friendships_ordered_pair_check");
        request(dsl, a, b);
        assertThatThrownBy(() -> request(dsl, b, a))
                .satisfies(e -> assertThat(SqlViolations.isUniqueViolation(e, "friendship_requests_pair_uq")).isTrue());
        assertCheck(() -> request(dsl, a, a), "friendship_requests_not_self_check");
    }

    private static int setAvatar(DSLContext dsl, String user, String key, String mime, Long size, String sha) {
        return dsl.update(USERS).set(USERS.AVATAR_OBJECT_KEY, key).set(USERS.AVATAR_MIME_TYPE, mime)
                .set(USERS.AVATAR_SIZE_BYTES, size).set(USERS.AVATAR_SHA256_HEX, sha)
                .where(USERS.USER_ID.eq(user)).execute();
    }

    private static int request(DSLContext dsl, String from, String to) {
        return dsl.insertInto(FRIENDSHIP_REQUESTS).set(FRIENDSHIP_REQUESTS.REQUEST_ID, Rows.id())
                .set(FRIENDSHIP_REQUESTS.SENDER_USER_ID, from).set(FRIENDSHIP_REQUESTS.RECIPIENT_USER_ID, to)
                .set(FRIENDSHIP_REQUESTS.CREATED_AT, Rows.now()).execute();
    }

    private static void assertCheck(Runnable write, String constraint) {
        assertThatThrownBy(write::run).satisfies(e -> {
            assertThat(SqlViolations.isCheckViolation(e)).isTrue();
            assertThat(SqlViolations.constraint(e)).contains(constraint);
        });
    }
}
