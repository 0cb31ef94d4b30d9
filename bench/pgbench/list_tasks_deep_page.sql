-- list_tasks_deep_page's ceiling: the page after the keyset (created_at, id) of the cursor that
-- bench/run.sh reached by walking 50 pages (the row-value comparison jOOQ's seek() renders).
SELECT id, user_id, title, description, status, due_date, version, created_at, updated_at
  FROM tasks WHERE user_id = :list_user AND (created_at, id) < (:deep_at::timestamptz, :deep_id)
 ORDER BY created_at DESC, id DESC LIMIT :page_fetch;
