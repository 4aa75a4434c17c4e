-- SPEC 12.1 V5: reactions, one row per (message, emoji, user). Emoji compare in byte order (COLLATE "C"), the order
-- of the Reaction list (SPEC 8.2). A message delete removes its reactions (cascade); the 64-emoji cap of SPEC 8.6 is
-- enforced by the writer under the message row lock.

CREATE TABLE message_reactions (
    message_id text             NOT NULL,
    emoji      text COLLATE "C" NOT NULL,
    user_id    text             NOT NULL,
    created_at timestamptz      NOT NULL,
    CONSTRAINT message_reactions_pk PRIMARY KEY (message_id, emoji, user_id),
    CONSTRAINT message_reactions_message_fk FOREIGN KEY (message_id) REFERENCES messages (message_id) ON DELETE CASCADE,
    CONSTRAINT message_reactions_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT message_reactions_emoji_check CHECK (char_length(emoji) BETWEEN 1 AND 32)
);
CREATE INDEX message_reactions_user_idx ON message_reactions (user_id);
