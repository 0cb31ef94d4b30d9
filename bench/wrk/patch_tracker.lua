-- PATCH with a correct If-Match, without a read before each write (used by update_task and mixed).
--
-- Each thread owns its own slice of the pool user's seeded tasks (all at version 1, ETag "1")
-- and remembers every task's current ETag from the PATCH answers. A task is handed to at most one
-- request at a time: request() takes the task that waited longest, response() puts it back, with
-- its new ETag, at the end of the queue. The thread thus walks its whole slice in turn, each task
-- patched once per round, as each pgbench client walks its rows (bench/pgbench/update_task.sql):
-- a stack would patch the same few tasks over and over, on one hot page, which PostgreSQL does
-- more cheaply than the ceiling's spread (measured: ~7 % more PATCHes/s), so the two would not
-- compare. wrk keeps one request in flight per
-- connection, so a slice larger than the thread's connections always has a ready task, and no
-- 412 can happen: any non-2xx is a real failure. wrk does not say which request a response
-- answers, so the task id is read from the body.

local ready = {}   -- ids not in flight, a queue: ready[head] .. ready[tail - 1]
local head, tail = 1, 1
local etag = {}    -- id -> the ETag the last answer gave
local first_id, last_id
local counter = 0

local function put_back(id)
   ready[tail] = id
   tail = tail + 1
end

function tracker_init(first, count)
   local per_thread = math.floor(count / P.threads)
   first_id = first + tid * per_thread
   last_id = first_id + per_thread - 1
   for id = first_id, last_id do
      etag[id] = '"1"'
      put_back(id)
   end
end

local headers = json_headers(P.pool_user)

-- A PATCH request for a ready task, or nil when none is ready (the caller then sends something else).
function tracker_request()
   if head == tail then
      return nil
   end
   local id = ready[head]
   ready[head] = nil
   head = head + 1
   counter = counter + 1
   headers["If-Match"] = etag[id]
   -- a new title each time, so that every PATCH really writes (an unchanged task is not written)
   local body = '{"title": "Updated ' .. tid .. "-" .. counter .. '"}'
   return wrk.format("PATCH", "/api/v1/tasks/" .. id, headers, body)
end

-- Counts non-2xx answers; gives a task back, with its new ETag, when the answer is its PATCH.
function tracker_response(status, response_headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
   local id = tonumber(string.match(body or "", '^{"id":(%d+)'))
   if id and id >= first_id and id <= last_id and status == 200 then
      local tag = response_headers["ETag"] or response_headers["Etag"] or response_headers["etag"]
      if tag then
         etag[id] = tag
         put_back(id)
      end
   end
end
