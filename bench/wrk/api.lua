-- One request shape for every benchmarked endpoint, configured from the environment:
--   BENCH_METHOD   GET, POST, PATCH... (default GET)
--   BENCH_PATH     request path; "{id}" is replaced by a random id in BENCH_ID_FIRST..BENCH_ID_LAST
--   BENCH_BODY     JSON request body (optional)
--   BENCH_TOKEN    access token sent as "Authorization: Bearer ..." (optional)
-- The done() hook prints one line "WRK_JSON {...}" with counts and latency percentiles (µs);
-- non-2xx responses are counted by response() in each thread and summed in done().

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
local first_id = tonumber(os.getenv("BENCH_ID_FIRST") or "")
local last_id = tonumber(os.getenv("BENCH_ID_LAST") or "")

wrk.method = method
if body then
   wrk.body = body
   wrk.headers["Content-Type"] = "application/json"
end
if token then
   wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("seed", thread_count)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
   math.randomseed(os.time() * 1000 + seed)
end

function request()
   if first_id and last_id then
      local id = math.random(first_id, last_id)
      return wrk.format(nil, (path:gsub("{id}", tostring(id))))
   end
   return wrk.format(nil, path)
end

function response(status, headers, response_body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local non2xx_total = 0
   for _, thread in ipairs(threads) do
      non2xx_total = non2xx_total + thread:get("non2xx")
   end
   local e = summary.errors
   io.write(string.format(
      'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"non2xx":%d,'
         .. '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},'
         .. '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
      summary.requests, summary.duration, summary.bytes, non2xx_total,
      e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean))
end
