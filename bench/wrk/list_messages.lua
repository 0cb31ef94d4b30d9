-- list_messages: GET /api/v1/conversations/1/messages?limit=50, the first (oldest) page of the
-- conversation with 10,000 messages; the same request every time.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function scenario_init(args)
   wrk.method = "GET"
   wrk.path = "/api/v1/conversations/" .. P.big_conversation .. "/messages?limit=" .. P.page
   wrk.headers["Authorization"] = P.bearer[P.big_user]
end
