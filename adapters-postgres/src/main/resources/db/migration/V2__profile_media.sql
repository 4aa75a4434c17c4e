-- SPEC 12.1 V2: avatar and banner metadata on users (4.5, 8.7); the per-account lockout columns go (the lockout
-- state lives with the limiters, keyed by user and client network, 4.3).

ALTER TABLE users
    ADD COLUMN avatar_object_key text   NULL,
    ADD COLUMN avatar_mime_type  text   NULL,
    ADD COLUMN avatar_size_bytes bigint NULL,
    ADD COLUMN avatar_sha256_hex text   NULL,
    ADD COLUMN banner_object_key text   NULL,
    ADD COLUMN banner_mime_type  text   NULL,
    ADD COLUMN banner_size_bytes bigint NULL,
    ADD COLUMN banner_sha256_hex text   NULL,
    ADD CONSTRAINT users_avatar_all_or_none_check
        CHECK (num_nulls(avatar_object_key, avatar_mime_type, avatar_size_bytes, avatar_sha256_hex) IN (0, 4)),
    ADD CONSTRAINT users_avatar_mime_type_check
        CHECK (avatar_mime_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif')),
    ADD CONSTRAINT users_avatar_size_bytes_check CHECK (avatar_size_bytes BETWEEN 1 AND 2097152),
    ADD CONSTRAINT users_avatar_sha256_hex_check CHECK (avatar_sha256_hex ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT users_avatar_object_key_check CHECK (octet_length(avatar_object_key) <= 256),
    ADD CONSTRAINT users_banner_all_or_none_check
        CHECK (num_nulls(banner_object_key, banner_mime_type, banner_size_bytes, banner_sha256_hex) IN (0, 4)),
    ADD CONSTRAINT users_banner_mime_type_check
        CHECK (banner_mime_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif')),
    ADD CONSTRAINT users_banner_size_bytes_check CHECK (banner_size_bytes BETWEEN 1 AND 6291456),
    ADD CONSTRAINT users_banner_sha256_hex_check CHECK (banner_sha256_hex ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT users_banner_object_key_check CHECK (octet_length(banner_object_key) <= 256);

ALTER TABLE users
    DROP CONSTRAINT users_failed_logins_check,
    DROP COLUMN failed_logins,
    DROP COLUMN locked_until;
