-- Filament Phase 1 schema (SPEC section 12). Applied by Flyway at startup; never edit once released: add V2+.
-- Ids are text ULIDs; timestamps are timestamptz NOT NULL (whole seconds, written by the application clock).

CREATE TABLE server_secrets (
    name       text        NOT NULL,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT server_secrets_pk PRIMARY KEY (name)
);

CREATE TABLE users (
    user_id        text        NOT NULL,
    username       text        NOT NULL,
    password_hash  text        NOT NULL,
    failed_logins  smallint    NOT NULL DEFAULT 0,
    locked_until   timestamptz NULL,
    about_markdown text        NOT NULL DEFAULT '',
    avatar_version bigint      NOT NULL DEFAULT 0,
    banner_version bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (user_id),
    CONSTRAINT users_failed_logins_check CHECK (failed_logins >= 0),
    CONSTRAINT users_avatar_version_check CHECK (avatar_version >= 0),
    CONSTRAINT users_banner_version_check CHECK (banner_version >= 0)
);
CREATE UNIQUE INDEX users_username_lower_uq ON users (lower(username));

CREATE TABLE sessions (
    session_id         text        NOT NULL,
    user_id            text        NOT NULL,
    refresh_token_hash bytea       NOT NULL,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    revoked_at         timestamptz NULL,
    CONSTRAINT sessions_pk PRIMARY KEY (session_id),
    CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT sessions_refresh_token_hash_check CHECK (octet_length(refresh_token_hash) = 32)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE used_refresh_tokens (
    token_hash bytea       NOT NULL,
    session_id text        NOT NULL,
    used_at    timestamptz NOT NULL,
    CONSTRAINT used_refresh_tokens_pk PRIMARY KEY (token_hash),
    CONSTRAINT used_refresh_tokens_session_fk FOREIGN KEY (session_id) REFERENCES sessions (session_id) ON DELETE CASCADE,
    CONSTRAINT used_refresh_tokens_token_hash_check CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX used_refresh_tokens_used_idx ON used_refresh_tokens (used_at);

-- guilds.default_join_role_id -> guild_roles is added after guild_roles exists (the two tables reference each other).
CREATE TABLE guilds (
    guild_id             text        NOT NULL,
    name                 text        NOT NULL,
    visibility           text        NOT NULL DEFAULT 'private',
    created_by_user_id   text        NOT NULL,
    default_join_role_id text        NULL,
    created_at           timestamptz NOT NULL,
    CONSTRAINT guilds_pk PRIMARY KEY (guild_id),
    CONSTRAINT guilds_visibility_check CHECK (visibility IN ('private', 'public')),
    CONSTRAINT guilds_created_by_fk FOREIGN KEY (created_by_user_id) REFERENCES users (user_id)
);
CREATE INDEX guilds_created_by_idx ON guilds (created_by_user_id);
CREATE INDEX guilds_public_directory_idx ON guilds (created_at DESC, guild_id DESC) WHERE visibility = 'public';

CREATE TABLE guild_members (
    guild_id  text        NOT NULL,
    user_id   text        NOT NULL,
    joined_at timestamptz NOT NULL,
    CONSTRAINT guild_members_pk PRIMARY KEY (guild_id, user_id),
    CONSTRAINT guild_members_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT guild_members_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX guild_members_user_idx ON guild_members (user_id);

CREATE TABLE guild_roles (
    role_id                text        NOT NULL,
    guild_id               text        NOT NULL,
    name                   text        NOT NULL,
    position               integer     NOT NULL,
    permissions_allow_mask bigint      NOT NULL,
    is_system              boolean     NOT NULL DEFAULT false,
    system_key             text        NULL,
    color_hex              text        NULL,
    created_at             timestamptz NOT NULL,
    CONSTRAINT guild_roles_pk PRIMARY KEY (role_id),
    CONSTRAINT guild_roles_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT guild_roles_position_check CHECK (position BETWEEN 0 AND 10000),
    CONSTRAINT guild_roles_mask_check CHECK (permissions_allow_mask BETWEEN 0 AND 4095),
    CONSTRAINT guild_roles_system_key_check
        CHECK (system_key IN ('everyone', 'workspace_owner', 'moderator', 'member')),
    CONSTRAINT guild_roles_color_hex_check CHECK (color_hex ~ '^#[0-9A-F]{6}$')
);
CREATE UNIQUE INDEX guild_roles_system_key_uq ON guild_roles (guild_id, system_key) WHERE system_key IS NOT NULL;
CREATE INDEX guild_roles_order_idx ON guild_roles (guild_id, position DESC, created_at, role_id);

ALTER TABLE guilds ADD CONSTRAINT guilds_default_join_role_fk
    FOREIGN KEY (default_join_role_id) REFERENCES guild_roles (role_id) ON DELETE SET NULL;

CREATE TABLE guild_role_members (
    guild_id    text        NOT NULL,
    role_id     text        NOT NULL,
    user_id     text        NOT NULL,
    assigned_at timestamptz NOT NULL,
    CONSTRAINT guild_role_members_pk PRIMARY KEY (guild_id, role_id, user_id),
    CONSTRAINT guild_role_members_role_fk FOREIGN KEY (role_id) REFERENCES guild_roles (role_id) ON DELETE CASCADE,
    CONSTRAINT guild_role_members_member_fk FOREIGN KEY (guild_id, user_id)
        REFERENCES guild_members (guild_id, user_id) ON DELETE CASCADE
);
CREATE INDEX guild_role_members_member_idx ON guild_role_members (guild_id, user_id);

CREATE TABLE channels (
    channel_id text        NOT NULL,
    guild_id   text        NOT NULL,
    name       text        NOT NULL,
    kind       text        NOT NULL DEFAULT 'text',
    created_at timestamptz NOT NULL,
    CONSTRAINT channels_pk PRIMARY KEY (channel_id),
    CONSTRAINT channels_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT channels_kind_check CHECK (kind IN ('text', 'voice'))
);
CREATE INDEX channels_guild_idx ON channels (guild_id, created_at, channel_id);

CREATE TABLE channel_permission_overrides (
    channel_id  text        NOT NULL,
    guild_id    text        NOT NULL,
    target_kind text        NOT NULL,
    target_id   text        NOT NULL,
    allow_mask  bigint      NOT NULL,
    deny_mask   bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT channel_permission_overrides_pk PRIMARY KEY (channel_id, target_kind, target_id),
    CONSTRAINT channel_permission_overrides_channel_fk
        FOREIGN KEY (channel_id) REFERENCES channels (channel_id) ON DELETE CASCADE,
    CONSTRAINT channel_permission_overrides_guild_fk
        FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT channel_permission_overrides_target_kind_check CHECK (target_kind IN ('role', 'member')),
    CONSTRAINT channel_permission_overrides_allow_mask_check CHECK (allow_mask BETWEEN 0 AND 4095),
    CONSTRAINT channel_permission_overrides_deny_mask_check CHECK (deny_mask BETWEEN 0 AND 4095),
    CONSTRAINT channel_permission_overrides_disjoint_check CHECK (allow_mask & deny_mask = 0)
);
CREATE INDEX channel_permission_overrides_target_idx
    ON channel_permission_overrides (guild_id, target_kind, target_id);

CREATE TABLE messages (
    message_id text        NOT NULL,
    guild_id   text        NOT NULL,
    channel_id text        NOT NULL,
    author_id  text        NOT NULL,
    content    text        NOT NULL,
    revision   integer     NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    edited_at  timestamptz NULL,
    CONSTRAINT messages_pk PRIMARY KEY (message_id),
    CONSTRAINT messages_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT messages_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (channel_id) ON DELETE CASCADE,
    CONSTRAINT messages_author_fk FOREIGN KEY (author_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT messages_revision_check CHECK (revision >= 0)
);
CREATE INDEX messages_channel_idx ON messages (channel_id, message_id DESC);
CREATE INDEX messages_guild_idx ON messages (guild_id, message_id);

-- No FK: documents are derived data, removed by the indexer and the delete path (SPEC 10.2).
CREATE TABLE search_documents (
    message_id text        NOT NULL,
    guild_id   text        NOT NULL,
    channel_id text        NOT NULL,
    revision   integer     NOT NULL,
    tsv        tsvector    NOT NULL,
    indexed_at timestamptz NOT NULL,
    CONSTRAINT search_documents_pk PRIMARY KEY (message_id)
);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE INDEX search_documents_guild_channel_idx ON search_documents (guild_id, channel_id);

CREATE TABLE search_outbox (
    outbox_id       bigint GENERATED ALWAYS AS IDENTITY,
    guild_id        text        NOT NULL,
    message_id      text        NULL,
    op              text        NOT NULL,
    enqueued_at     timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    CONSTRAINT search_outbox_pk PRIMARY KEY (outbox_id),
    CONSTRAINT search_outbox_op_check CHECK (op IN ('upsert', 'rebuild')),
    CONSTRAINT search_outbox_upsert_message_check CHECK (op <> 'upsert' OR message_id IS NOT NULL),
    CONSTRAINT search_outbox_attempts_check CHECK (attempts >= 0)
);
CREATE INDEX search_outbox_due_idx ON search_outbox (next_attempt_at, outbox_id);
CREATE UNIQUE INDEX search_outbox_rebuild_uq ON search_outbox (guild_id) WHERE op = 'rebuild';

CREATE TABLE guild_bans (
    guild_id          text        NOT NULL,
    user_id           text        NOT NULL,
    banned_by_user_id text        NULL,
    created_at        timestamptz NOT NULL,
    CONSTRAINT guild_bans_pk PRIMARY KEY (guild_id, user_id),
    CONSTRAINT guild_bans_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT guild_bans_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT guild_bans_banned_by_fk FOREIGN KEY (banned_by_user_id) REFERENCES users (user_id) ON DELETE SET NULL
);
CREATE INDEX guild_bans_list_idx ON guild_bans (guild_id, created_at DESC, user_id DESC);

CREATE TABLE user_ip_observations (
    user_id       text        NOT NULL,
    ip_network    cidr        NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    CONSTRAINT user_ip_observations_pk PRIMARY KEY (user_id, ip_network),
    CONSTRAINT user_ip_observations_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX user_ip_observations_recent_idx ON user_ip_observations (user_id, last_seen_at DESC);

CREATE TABLE guild_ip_bans (
    ban_id             text        NOT NULL,
    guild_id           text        NOT NULL,
    ip_network         cidr        NOT NULL,
    source_user_id     text        NULL,
    reason             text        NOT NULL DEFAULT '',
    created_by_user_id text        NOT NULL,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz NULL,
    CONSTRAINT guild_ip_bans_pk PRIMARY KEY (ban_id),
    CONSTRAINT guild_ip_bans_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT guild_ip_bans_source_user_fk
        FOREIGN KEY (source_user_id) REFERENCES users (user_id) ON DELETE SET NULL,
    CONSTRAINT guild_ip_bans_created_by_fk
        FOREIGN KEY (created_by_user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT guild_ip_bans_reason_check CHECK (octet_length(reason) <= 240)
);
CREATE INDEX guild_ip_bans_list_idx ON guild_ip_bans (guild_id, created_at DESC, ban_id DESC);
CREATE INDEX guild_ip_bans_network_idx ON guild_ip_bans USING gist (ip_network inet_ops);

CREATE TABLE audit_logs (
    audit_id       text        NOT NULL,
    guild_id       text        NULL,
    actor_user_id  text        NOT NULL,
    target_user_id text        NULL,
    action         text        NOT NULL,
    details        jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    CONSTRAINT audit_logs_pk PRIMARY KEY (audit_id),
    CONSTRAINT audit_logs_guild_fk FOREIGN KEY (guild_id) REFERENCES guilds (guild_id) ON DELETE CASCADE,
    CONSTRAINT audit_logs_actor_fk FOREIGN KEY (actor_user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX audit_logs_list_idx ON audit_logs (guild_id, created_at DESC, audit_id DESC);
CREATE INDEX audit_logs_action_idx ON audit_logs (guild_id, action text_pattern_ops, created_at DESC, audit_id DESC);
