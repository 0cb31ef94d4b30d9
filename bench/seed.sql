-- Benchmark data, written straight into the tables the server has just migrated.
--
-- Run by bench/run.sh with psql, after one user registered through the API: that user is id 1,
-- and its bcrypt hash (of the benchmark password) is copied to every other user, so that login
-- works for all of them without hashing 10,000 passwords.
--
-- The ids are explicit (OVERRIDING SYSTEM VALUE) so that the wrk and pgbench scripts can compute
-- which task belongs to which user without asking the database:
--   user 1                      tasks 1 .. big                    ("big" user, 10,000 tasks in the full run)
--   user 2                      tasks big+1 .. big+small          ("small" user, 100 tasks)
--   users 3 .. users            per_user tasks each, in id order  (the bulk: >= 1,000,000 tasks)
--   user pool_user (users + 1)  tasks pool_first .. pool_last     (rows that update/delete scenarios consume)
--   conversation 1 of user 1 with :messages messages; conversation u-1 of each token user u.
--
-- Variables (psql -v): users, big, small, per_user, token_users, messages, pool_user, pool_first, pool_last.
\set ON_ERROR_STOP on

BEGIN;

INSERT INTO users (id, email, password_hash) OVERRIDING SYSTEM VALUE
SELECT u, 'u' || u || '@bench.test', (SELECT password_hash FROM users WHERE id = 1)
  FROM generate_series(2, :pool_user) AS u;
SELECT setval(pg_get_serial_sequence('users', 'id'), :pool_user);

-- created_at grows with the id (1 ms apart), so "newest first" is "highest id first" and every
-- keyset position is unique, as it would be for rows created one by one.
INSERT INTO tasks (id, user_id, title, description, status, due_date, created_at, updated_at) OVERRIDING SYSTEM VALUE
SELECT i,
       CASE WHEN i <= :big THEN 1
            WHEN i <= :big + :small THEN 2
            WHEN i < :pool_first THEN 3 + (i - :big - :small - 1) / :per_user
            ELSE :pool_user END,
       'Seeded task ' || i,
       CASE WHEN i % 3 = 0 THEN 'Seeded description for a benchmark task, about sixty characters.' END,
       -- pool rows stay pending: the update scenario's equivalent SQL writes 'pending' back
       CASE WHEN i >= :pool_first THEN 'pending'
            ELSE (ARRAY['pending', 'in_progress', 'completed'])[1 + i % 3] END,
       CASE WHEN i % 4 = 0 THEN date '2027-01-01' + (i % 365) END,
       ts, ts
  FROM generate_series(1, :pool_last) AS i,
       LATERAL (SELECT timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond' AS ts) AS t;
SELECT setval(pg_get_serial_sequence('tasks', 'id'), :pool_last);

INSERT INTO conversations (id, user_id, created_at, updated_at) OVERRIDING SYSTEM VALUE
SELECT 1, 1, timestamptz '2026-01-01 00:00:00+00', timestamptz '2026-01-01 00:00:00+00'
UNION ALL
SELECT u - 1, u, timestamptz '2026-01-01 00:00:00+00', timestamptz '2026-01-01 00:00:00+00'
  FROM generate_series(3, :token_users + 2) AS u;
SELECT setval(pg_get_serial_sequence('conversations', 'id'), :token_users + 1);

-- The messages' AFTER INSERT trigger touches conversation 1 once per row: slower than a plain
-- insert, but it keeps the seed on the same code path as real appends.
INSERT INTO messages (conversation_id, user_id, role, content, created_at)
SELECT 1, 1,
       CASE WHEN i % 2 = 1 THEN 'user' ELSE 'assistant' END,
       'Seeded message ' || i || ': a sentence or two of conversation, the size of a short chat turn.',
       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond'
  FROM generate_series(1, :messages) AS i;

COMMIT;

-- Fresh statistics and visibility map, and no checkpoint pending from the bulk load, so that
-- neither the first scenario nor its ceiling pays for the seed.
VACUUM ANALYZE;
CHECKPOINT;
