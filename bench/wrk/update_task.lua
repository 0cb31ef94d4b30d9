-- update_task: PATCH /api/v1/tasks/{id} with If-Match, on the pool user's tasks (see
-- patch_tracker.lua for why no 412 can happen). Arguments: first id and count of the range
-- reserved for this run.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
dofile(os.getenv("BENCH_WRK_DIR") .. "/patch_tracker.lua")

function scenario_init(args)
   tracker_init(tonumber(args[1]), tonumber(args[2]))
end

function request()
   return unsent_check_request() or tracker_request()
end
