-- create_task: POST /api/v1/tasks for a random token user.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local headers = {}
for user = P.token_first, P.token_last do
   headers[user] = json_headers(user)
end
local body = '{"title": "Benchmark task"}'

function request()
   return wrk.format("POST", "/api/v1/tasks", headers[random_token_user()], body)
end
