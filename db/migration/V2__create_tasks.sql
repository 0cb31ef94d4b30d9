-- Tasks: owned by a user, optimistic concurrency through a version the database bumps.

CREATE FUNCTION taskline_bump_version() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END;
$$;

CREATE TABLE tasks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text        NOT NULL,
    description text,
    status      text        NOT NULL DEFAULT 'pending',
    due_date    date,
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tasks_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
    CONSTRAINT tasks_title_not_blank CHECK (title ~ '[^[:space:]]'),
    CONSTRAINT tasks_description_length CHECK (char_length(description) <= 10000),
    CONSTRAINT tasks_status_known CHECK (status IN ('pending', 'in_progress', 'completed')),
    CONSTRAINT tasks_version_positive CHECK (version >= 1)
);

-- Keyset pages per user, newest first; and the same filtered by status.
CREATE INDEX tasks_user_created_idx ON tasks (user_id, created_at DESC, id DESC);
CREATE INDEX tasks_user_status_created_idx ON tasks (user_id, status, created_at DESC, id DESC);

-- Runs after taskline_touch_updated_at (triggers fire in name order).
CREATE TRIGGER tasks_touch_updated_at
    BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION taskline_touch_updated_at();

CREATE TRIGGER tasks_version_bump
    BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION taskline_bump_version();
