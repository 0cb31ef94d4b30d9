-- Part of mixed: the first page of a random token user's tasks.
\set u random(:token_first, :token_last)
SELECT id, user_id, title, description, status, due_date, version, created_at, updated_at
  FROM tasks WHERE user_id = :u
 ORDER BY created_at DESC, id DESC LIMIT :page_fetch;
