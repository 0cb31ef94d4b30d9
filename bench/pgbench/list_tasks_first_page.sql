-- list_tasks_first_page(_small)'s ceiling: the first page (limit 50, one row more to know whether
-- there is a next page) of user :list_user, newest first, on the keyset index.
SELECT id, user_id, title, description, status, due_date, version, created_at, updated_at
  FROM tasks WHERE user_id = :list_user
 ORDER BY created_at DESC, id DESC LIMIT :page_fetch;
