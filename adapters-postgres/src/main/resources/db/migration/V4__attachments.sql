-- Phase 2 (SPEC 12.1): attachments and the blob collector's queue (8.5, 8.7). Never edit once released.

CREATE TABLE attachments (
    attachment_id text        NOT NULL,
    guild_id      text        NOT NULL,
    channel_id    text        NOT NULL,
    owner_id      text        NOT NULL,
    message_id    text        NULL,
    filename      text        NOT NULL,
    mime_type     text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    sha256_hex    text        NOT NULL,
    object_key    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT attachments_pk PRIMARY KEY (attachment_id),
    CONSTRAINT attachments_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT attachments_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (channel_id) ON DELETE CASCADE,
    CONSTRAINT attachments_owner_fk FOREIGN KEY (owner_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT attachments_message_fk FOREIGN KEY (message_id) REFERENCES messages (message_id) ON DELETE SET NULL,
    CONSTRAINT attachments_object_key_uq UNIQUE (object_key),
    CONSTRAINT attachments_size_bytes_check CHECK (size_bytes BETWEEN 1 AND 26214400),
    CONSTRAINT attachments_filename_check CHECK (octet_length(filename) BETWEEN 1 AND 128),
    CONSTRAINT attachments_sha256_hex_check CHECK (sha256_hex ~ '^[0-9a-f]{64}$'),
    CONSTRAINT attachments_mime_type_check CHECK (mime_type IN (
        'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif',
        'video/quicktime', 'audio/mp4', 'video/mp4', 'video/webm',
        'audio/ogg', 'audio/wav', 'audio/flac', 'audio/mpeg', 'audio/aac',
        'application/pdf', 'application/zip', 'application/gzip', 'application/x-7z-compressed',
        'text/plain'))
);
CREATE INDEX attachments_owner_idx ON attachments (owner_id) INCLUDE (size_bytes);
CREATE INDEX attachments_message_idx ON attachments (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX attachments_unbound_idx ON attachments (created_at) WHERE message_id IS NULL;

CREATE TABLE blob_gc (
    object_key  text        NOT NULL,
    not_before  timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    enqueued_at timestamptz NOT NULL,
    CONSTRAINT blob_gc_pk PRIMARY KEY (object_key)
);
CREATE INDEX blob_gc_not_before_idx ON blob_gc (not_before);

-- Every deleted attachments row, explicit or cascaded, hands its blob to the collector (8.7): due at once, or
-- earlier than a pending tombstone of the same key.
CREATE FUNCTION attachments_enqueue_blob_gc() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO blob_gc (object_key, not_before, enqueued_at)
    VALUES (OLD.object_key, date_trunc('second', now()), date_trunc('second', now()))
    ON CONFLICT (object_key) DO UPDATE SET not_before = LEAST(blob_gc.not_before, EXCLUDED.not_before);
    RETURN OLD;
END;
$$;

CREATE TRIGGER attachments_blob_gc_after_delete
    AFTER DELETE ON attachments
    FOR EACH ROW EXECUTE FUNCTION attachments_enqueue_blob_gc();
