-- mixed: 80 % reads, 20 % writes, picked at random per request (bench/pgbench/mixed uses the same
-- weights with pgbench's -f script@weight):
--   50 % get_task, 20 % first page of a token user's tasks, 10 % list_messages,
--    8 % create_task, 8 % update_task (If-Match, see patch_tracker.lua), 4 % append_message.
-- Arguments: first id and count of the update range reserved for this run.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
dofile(os.getenv("BENCH_WRK_DIR") .. "/patch_tracker.lua")

local auth, post = {}, {}
for user = P.token_first, P.token_last do
   auth[user] = auth_headers(user)
   post[user] = json_headers(user)
end
local messages_headers = auth_headers(P.big_user)
local messages_path = "/api/v1/conversations/" .. P.big_conversation .. "/messages?limit=" .. P.page
local list_path = "/api/v1/tasks?limit=" .. P.page
local task_body = '{"title": "Benchmark task"}'
local message_body = '{"role": "user", "content": "Benchmark message: a sentence or two, the size of a short chat turn."}'

function scenario_init(args)
   tracker_init(tonumber(args[1]), tonumber(args[2]))
end

function request()
   local check = unsent_check_request()
   if check then
      return check
   end
   local r = math.random(100)
   local user = random_token_user()
   if r > 80 and r <= 88 then
      return wrk.format("POST", "/api/v1/tasks", post[user], task_body)
   elseif r > 88 and r <= 96 then
      return tracker_request()
   elseif r > 96 then
      return wrk.format("POST", "/api/v1/conversations/" .. (user - 1) .. "/messages", post[user], message_body)
   elseif r > 70 then
      return wrk.format("GET", messages_path, messages_headers)
   elseif r > 50 then
      return wrk.format("GET", list_path, auth[user])
   end
   return wrk.format("GET", "/api/v1/tasks/" .. random_task_of(user), auth[user])
end
