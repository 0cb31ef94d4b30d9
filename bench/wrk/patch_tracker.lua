-- PATCH with a correct If-Match, without a read before each write (used by update_task and mixed).
--
-- Each thread owns its own slice of the pool user's seeded tasks (all at version 1) and walks it in
-- turn, as each pgbench client walks its rows (bench/pgbench/update_task.sql): its k-th PATCH (from
-- 0) goes to task k mod n of its n tasks, for that task's (k / n + 1)-th time, so it sends the ETag
-- the previous PATCH of that task answered ("1" first, then "2", ...: Taskline's ETag is the task's
-- version). A stack would patch the same few tasks over and over, on one hot page, which PostgreSQL
-- does more cheaply than the ceiling's spread (measured: ~7 % more PATCHes/s), so the two would
-- not compare. wrk keeps one request in flight per connection, so with a slice larger than the
-- thread's connections a task's previous PATCH has been answered before its next one is sent, and
-- no 412 can happen: any non-2xx is a real failure (a PATCH lost on the way would show as 412s
-- for that task from then on). The answers are not read: reading every answer's ETag in Lua, as
-- this script did until the tenth session, cost wrk ~4 µs a PATCH on the two cores the server
-- shares with it (docs/benchmarks.md, §10 of "What each optimisation bought").

local first_id, per_thread
local counter = 0

function tracker_init(first, count)
   per_thread = math.floor(count / P.threads)
   if per_thread <= P.connections / P.threads then
      error("patch_tracker: the range must be larger than the connections per thread")
   end
   first_id = first + tid * per_thread
end

local headers = json_headers(P.pool_user)

-- The next PATCH of this thread's walk.
function tracker_request()
   local id = first_id + counter % per_thread
   local version = math.floor(counter / per_thread) + 1
   counter = counter + 1
   headers["If-Match"] = '"' .. version .. '"'
   -- a new title each time, so that every PATCH really writes (an unchanged task is not written)
   local body = '{"title": "Updated ' .. tid .. "-" .. counter .. '"}'
   return wrk.format("PATCH", "/api/v1/tasks/" .. id, headers, body)
end
