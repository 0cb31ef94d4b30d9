-- Users, and the trigger functions every table shares.

-- The database, not the application, keeps timestamps honest:
-- updated_at moves on every UPDATE, created_at can never change.
CREATE FUNCTION taskline_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'created_at of %.% is immutable', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    -- clock_timestamp(), not now(): now() is when the transaction began, and a transaction that
    -- began earlier but writes later would move updated_at backwards. greatest() keeps it strictly
    -- increasing even when two writes share a clock tick.
    NEW.updated_at := greatest(clock_timestamp(), OLD.updated_at + interval '1 microsecond');
    RETURN NEW;
END;
$$;

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text        NOT NULL,
    name          text,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_lower_case CHECK (email = lower(email)),
    CONSTRAINT users_email_length CHECK (char_length(email) BETWEEN 3 AND 255),
    CONSTRAINT users_email_shape CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT users_name_length CHECK (char_length(name) <= 255),
    -- bcrypt hashes only ($2a$/$2b$/$2y$, two-digit cost, 53 characters of salt and hash)
    CONSTRAINT users_password_hash_is_bcrypt CHECK (password_hash ~ '^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$')
);

-- One account per address in any letter case; also serves the login look-up.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION taskline_touch_updated_at();
