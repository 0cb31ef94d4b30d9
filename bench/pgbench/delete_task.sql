-- delete_task's ceiling: the server's DELETE, each transaction a different row of the range
-- reserved for it (client c deletes first+c, first+c+clients, ...). bench/run.sh checks afterwards
-- that the range was not used up (deleting nothing would flatter the ceiling).
\set k :k + 1
\set id :del_first + (:k - 1) * :clients + :client_id
DELETE FROM tasks WHERE user_id = :pool_user AND id = :id;
