-- update_task: PATCH /api/v1/tasks/{id} with If-Match, on the pool user's tasks (see
-- patch_tracker.lua for why no 412 can happen). Arguments: first id and count of the range
-- reserved for this run.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
dofile(os.getenv("BENCH_WRK_DIR") .. "/patch_tracker.lua")

counts_non2xx = true

function scenario_init(args)
   tracker_init(tonumber(args[1]), tonumber(args[2]))
end

function request()
   local req = tracker_request()
   if not req then
      error("update_task: no task ready; the range must be larger than the connections per thread")
   end
   return req
end

function response(status, headers, body)
   tracker_response(status, headers, body)
end
