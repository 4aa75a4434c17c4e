package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.domain.identity.ProfileImageKind;
import org.jooq.TableField;
import dev.filament.postgres.jooq.tables.records.UsersRecord;

/** The V2 columns of one profile image kind (SPEC 12.1): {@code {p}_object_key}, ... and {@code {p}_version}. */
record ImageColumns(TableField<UsersRecord, String> key, TableField<UsersRecord, String> mime,
                    TableField<UsersRecord, Long> size, TableField<UsersRecord, String> sha256,
                    TableField<UsersRecord, Long> version) {
    private static final ImageColumns AVATAR = new ImageColumns(USERS.AVATAR_OBJECT_KEY, USERS.AVATAR_MIME_TYPE,
            USERS.AVATAR_SIZE_BYTES, USERS.AVATAR_SHA256_HEX, USERS.AVATAR_VERSION);
    private static final ImageColumns BANNER = new ImageColumns(USERS.BANNER_OBJECT_KEY, USERS.BANNER_MIME_TYPE,
            USERS.BANNER_SIZE_BYTES, USERS.BANNER_SHA256_HEX, USERS.BANNER_VERSION);

    static ImageColumns of(ProfileImageKind kind) {
        return kind == ProfileImageKind.AVATAR ? AVATAR : BANNER;
    }
}
