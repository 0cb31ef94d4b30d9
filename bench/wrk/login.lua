-- login: POST /api/v1/auth/login as a random token user. Bound by bcrypt (BCRYPT_COST=10) and by
-- the server's limit on concurrent password checks, by design: its ceiling ratio is not comparable
-- with the other scenarios'.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local headers = json_headers(nil)
local bodies = {}
for user = P.token_first, P.token_last do
   bodies[user] = string.format('{"email": "u%d@bench.test", "password": "%s"}', user, P.password)
end

function request()
   return wrk.format("POST", "/api/v1/auth/login", headers, bodies[random_token_user()])
end
