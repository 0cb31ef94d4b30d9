-- Shared by every scenario script: the run's parameters, per-thread set-up, and the report.
--
-- wrk runs one Lua state per thread plus one for setup()/done(); each state loads the scenario
-- script, and with it this file. bench/run.sh writes the parameters (ids, tokens, cursor) to the
-- file named by BENCH_PARAMS before starting wrk.

P = dofile(os.getenv("BENCH_PARAMS"))

-- setup() runs in the main state once per thread before the run: give each thread an index, so
-- that scripts can split id ranges between threads.
local threads = 0
function setup(thread)
   thread:set("tid", threads)
   threads = threads + 1
end

-- Scripts that need init(args) define scenario_init(args) instead: init() here seeds the random
-- generator differently in each thread (math.random is per state, and would otherwise replay the
-- same sequence in both threads).
function init(args)
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   if scenario_init then
      scenario_init(args)
   end
end

-- wrk (4.1) calls request() once on the first thread's state before the run, to count the requests
-- in what it returns (script_verify_request), and never sends that one. A script whose every
-- request must really be sent (the PATCH walk of patch_tracker.lua) answers that call with this.
local check_pending
function unsent_check_request()
   if check_pending == nil then
      check_pending = tid == 0   -- setup() has numbered the thread by then
   end
   if check_pending then
      check_pending = false
      return wrk.format("GET", "/health")
   end
   return nil
end

-- Headers are tables that wrk.format() fills in (Host, Content-Length): one table per purpose
-- and per user, built once, reused by every request.
function auth_headers(user)
   return { ["Authorization"] = P.bearer[user] }
end

function json_headers(user)
   local h = { ["Content-Type"] = "application/json" }
   if user then
      h["Authorization"] = P.bearer[user]
   end
   return h
end

-- A random user among those we hold a token for, and a random one of that user's seeded tasks
-- (the same distribution as the pgbench scripts' \set lines).
function random_token_user()
   return math.random(P.token_first, P.token_last)
end

function random_task_of(user)
   return P.user_tasks_base + (user - P.token_first) * P.per_user + math.random(1, P.per_user)
end

-- No script defines response(), which keeps wrk on its fast path (it then neither copies the
-- answers' headers and bodies nor calls into Lua per answer); the non-2xx count is wrk's own count
-- of answers with a status above 399 (this API never answers 1xx or 3xx to these requests).
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
      '"non_2xx": %d, "socket_errors": %d}\n',
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.status, e.connect + e.read + e.write + e.timeout))
end
