-- create_task's ceiling: the server's INSERT ... RETURNING, one statement in its own transaction.
\set u random(:token_first, :token_last)
INSERT INTO tasks (user_id, title, description, status, due_date)
VALUES (:u, 'Benchmark task', NULL, 'pending', NULL)
RETURNING id, user_id, title, description, status, due_date, version, created_at, updated_at;
