-- SPEC 12.1 V3: friendships (unordered pairs stored once, lower id first) and pending friend requests (4.6).

CREATE TABLE friendships (
    user_a_id  text        NOT NULL,
    user_b_id  text        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT friendships_pk PRIMARY KEY (user_a_id, user_b_id),
    CONSTRAINT friendships_user_a_fk FOREIGN KEY (user_a_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT friendships_user_b_fk FOREIGN KEY (user_b_id) REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT friendships_ordered_pair_check CHECK (user_a_id COLLATE "C" < user_b_id COLLATE "C")
);
CREATE INDEX friendships_user_b_idx ON friendships (user_b_id);

CREATE TABLE friendship_requests (
    request_id        text        NOT NULL,
    sender_user_id    text        NOT NULL,
    recipient_user_id text        NOT NULL,
    created_at        timestamptz NOT NULL,
    CONSTRAINT friendship_requests_pk PRIMARY KEY (request_id),
    CONSTRAINT friendship_requests_sender_fk FOREIGN KEY (sender_user_id)
        REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT friendship_requests_recipient_fk FOREIGN KEY (recipient_user_id)
        REFERENCES users (user_id) ON DELETE CASCADE,
    CONSTRAINT friendship_requests_not_self_check CHECK (sender_user_id <> recipient_user_id)
);
-- One pending request per unordered pair, whichever direction (the race fix of SPEC 4.6).
CREATE UNIQUE INDEX friendship_requests_pair_uq ON friendship_requests (
    LEAST(sender_user_id COLLATE "C", recipient_user_id COLLATE "C"),
    GREATEST(sender_user_id COLLATE "C", recipient_user_id COLLATE "C"));
CREATE INDEX friendship_requests_sender_idx
    ON friendship_requests (sender_user_id, created_at DESC, request_id DESC);
CREATE INDEX friendship_requests_recipient_idx
    ON friendship_requests (recipient_user_id, created_at DESC, request_id DESC);
