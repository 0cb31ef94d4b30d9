-- update_task's ceiling: one UPDATE that checks If-Match's version in its WHERE (the happy path
-- needs no read first; only a zero-row answer would need a second look to tell 404 from 412).
-- Each client owns :upd_per_client rows of the pool user and walks them in turn, so it knows every
-- row's version: on its k-th transaction it updates row (k-1) mod n, for the ((k-1)/n + 1)-th time.
-- \gset fails the transaction when no row matched, so a wrong version cannot pass unnoticed.
-- :k persists across a client's transactions (it starts at 0 with -D k=0).
\set k :k + 1
\set id :upd_first + :client_id * :upd_per_client + (:k - 1) % :upd_per_client
\set v (:k - 1) / :upd_per_client + 1
UPDATE tasks SET title = 'Updated ' || :k, description = NULL, status = 'pending', due_date = NULL
 WHERE user_id = :pool_user AND id = :id AND version = :v
RETURNING id, user_id, title, description, status, due_date, version, created_at, updated_at \gset upd_
