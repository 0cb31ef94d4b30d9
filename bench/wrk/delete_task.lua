-- delete_task: DELETE /api/v1/tasks/{id}, each request a different seeded task of the pool user.
-- Arguments: first id and count of the range reserved for this run; thread t deletes ids
-- first+t, first+t+threads, ... so the threads never collide. Past the end of its range a thread
-- asks for task 0, which cannot exist: the 404s are counted as non-2xx. (Going on past the range
-- would delete rows reserved for the pgbench ceiling, which would then delete nothing for them:
-- the two would no longer run the same work.) bench/run.sh sizes the range from the duration.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local headers = auth_headers(P.pool_user)
local next_id, last_id
local warned = false

function scenario_init(args)
   local first, count = tonumber(args[1]), tonumber(args[2])
   next_id = first + tid
   last_id = first + count - 1
end

function request()
   local id = next_id
   next_id = next_id + P.threads
   if id > last_id then
      id = 0
      if not warned then
         warned = true
         io.stderr:write("delete_task: the pre-created range is used up; raise its size in bench/run.sh\n")
      end
   end
   return wrk.format("DELETE", "/api/v1/tasks/" .. id, headers)
end
