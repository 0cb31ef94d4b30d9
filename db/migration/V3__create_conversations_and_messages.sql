-- Conversations and their messages. A message can only belong to a conversation
-- of the same user: the foreign key is composite over (conversation_id, user_id).

CREATE TABLE conversations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT conversations_id_user_key UNIQUE (id, user_id)
);

-- Most recently active first, per user.
CREATE INDEX conversations_user_updated_idx ON conversations (user_id, updated_at DESC, id DESC);

CREATE TRIGGER conversations_touch_updated_at
    BEFORE UPDATE ON conversations
    FOR EACH ROW EXECUTE FUNCTION taskline_touch_updated_at();

CREATE TABLE messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint      NOT NULL,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text        NOT NULL,
    content         text        NOT NULL,
    -- clock_timestamp(), not now(): appends to one conversation are serialised on its row lock,
    -- so each message is stamped after the previous one committed and pages read them in order.
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT messages_conversation_fkey FOREIGN KEY (conversation_id, user_id)
        REFERENCES conversations (id, user_id) ON DELETE CASCADE,
    CONSTRAINT messages_role_known CHECK (role IN ('user', 'assistant')),
    CONSTRAINT messages_content_length CHECK (char_length(content) BETWEEN 1 AND 10000)
);

-- Oldest first within a conversation.
CREATE INDEX messages_conversation_created_idx ON messages (conversation_id, created_at, id);

-- A new message makes its conversation the most recently active one,
-- whoever inserts it (the application or plain SQL).
CREATE FUNCTION taskline_touch_conversation() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE conversations SET updated_at = now()
     WHERE id = NEW.conversation_id AND user_id = NEW.user_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER messages_touch_conversation
    AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION taskline_touch_conversation();

-- Messages are an append-only history: created_at never changes.
CREATE FUNCTION taskline_keep_created_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'created_at of %.% is immutable', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER messages_keep_created_at
    BEFORE UPDATE ON messages
    FOR EACH ROW EXECUTE FUNCTION taskline_keep_created_at();
