-- list_tasks_*: GET /api/v1/tasks?limit=50, the same request every time (wrk's fast static path).
-- Argument: big (user with 10,000 tasks, first page), small (user with 100 tasks, first page) or
-- deep (user with 10,000 tasks, the page after a cursor bench/run.sh reached by walking 50 pages).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function scenario_init(args)
   local which = args[1]
   local path = "/api/v1/tasks?limit=" .. P.page
   local user = P.big_user
   if which == "small" then
      user = P.small_user
   elseif which == "deep" then
      path = path .. "&cursor=" .. P.deep_cursor
   elseif which ~= "big" then
      error("list_tasks.lua: argument must be big, small or deep, not " .. tostring(which))
   end
   wrk.method = "GET"
   wrk.path = path
   wrk.headers["Authorization"] = P.bearer[user]
end
