-- Shared by every scenario script: the run's parameters, per-thread set-up, and the report.
--
-- wrk runs one Lua state per thread plus one for setup()/done(); each state loads the scenario
-- script, and with it this file. bench/run.sh writes the parameters (ids, tokens, cursor) to the
-- file named by BENCH_PARAMS before starting wrk.

P = dofile(os.getenv("BENCH_PARAMS"))

-- setup() runs in the main state once per thread before the run: give each thread an index, so
-- that scripts can split id ranges between threads, and keep the threads to read their counters
-- in done().
local threads = {}
function setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
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

-- Scripts that look at responses (update_task, mixed) count non-2xx answers themselves, exactly;
-- they set counts_non2xx = true and increment the global non2xx. Other scripts do not define
-- response(), which keeps wrk on its fast path, and take wrk's own count of answers with a status
-- above 399 (this API never answers 1xx or 3xx to these requests).
non2xx = 0

function done(summary, latency, requests)
   local bad = summary.errors.status
   if counts_non2xx then
      bad = 0
      for _, thread in ipairs(threads) do
         bad = bad + (thread:get("non2xx") or 0)
      end
   end
   local e = summary.errors
   io.write(string.format(
      'RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
      '"non_2xx": %d, "socket_errors": %d}\n',
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      bad, e.connect + e.read + e.write + e.timeout))
end
