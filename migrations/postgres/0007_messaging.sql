-- Messaging: conversations between the people of a case and their workers.
-- A pair conversation is unique per case and pair (pair_key); a group is started by the
-- participant. Messages are idempotent per sender through the client's own id.

CREATE TABLE conversations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('pair', 'group')),
    pair_key TEXT UNIQUE,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    last_message_id BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE conversation_members (
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    added_at BIGINT NOT NULL,
    last_read_message_id BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_by_user ON conversation_members (user_id);

CREATE TABLE messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    sender_id BIGINT NOT NULL REFERENCES users (id),
    client_id TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    UNIQUE (sender_id, client_id)
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

-- Each "read up to here", kept so a sender can see when each message was read.
CREATE TABLE read_marks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    up_to_message_id BIGINT NOT NULL,
    read_at BIGINT NOT NULL
);
CREATE INDEX read_marks_by_conversation ON read_marks (conversation_id, user_id, up_to_message_id);

-- 1 when the person lets others see that they read a message (the default), 0 when not.
ALTER TABLE users ADD COLUMN sends_read_receipts BIGINT NOT NULL DEFAULT 1;

-- What each person's live streams deliver: a new message or a read receipt in one of
-- their conversations. Written with the change; streams catch up from here after a wake-up
-- or a reconnect, so a missed wake-up loses nothing.
CREATE TABLE events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('message', 'read')),
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    message_id BIGINT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX events_by_user ON events (user_id, id);
