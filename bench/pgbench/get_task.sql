-- get_task's ceiling: the task by owner and id, one statement (the server's SELECT, without the
-- transaction around it and without the per-request user look-up). Same distribution as wrk/get_task.lua.
\set u random(:token_first, :token_last)
\set id :user_tasks_base + (:u - :token_first) * :per_user + random(1, :per_user)
SELECT id, user_id, title, description, status, due_date, version, created_at, updated_at
  FROM tasks WHERE user_id = :u AND id = :id;
