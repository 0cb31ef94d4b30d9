-- append_message: POST /api/v1/conversations/{id}/messages to the conversation of a random token
-- user (conversation u-1 of user u): appends to one conversation are serialised by its row lock,
-- so spreading them over users measures the path, not one lock.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local headers = {}
for user = P.token_first, P.token_last do
   headers[user] = json_headers(user)
end
local body = '{"role": "user", "content": "Benchmark message: a sentence or two, the size of a short chat turn."}'

function request()
   local user = random_token_user()
   return wrk.format("POST", "/api/v1/conversations/" .. (user - 1) .. "/messages", headers[user], body)
end
