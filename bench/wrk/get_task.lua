-- get_task: GET /api/v1/tasks/{id} of a random seeded task, with its owner's token.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local headers = {}
for user = P.token_first, P.token_last do
   headers[user] = auth_headers(user)
end

function request()
   local user = random_token_user()
   return wrk.format("GET", "/api/v1/tasks/" .. random_task_of(user), headers[user])
end
