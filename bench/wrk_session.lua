-- wrk script of the benchmarks (bench/wrkload.py runs it): a signed-in session's cookie on every
-- request, paths taken in turn from a list (one a line in GONGKAI_BENCH_PATHS_FILE), anything but
-- HTTP 200 counted as an error (a redirect to the sign-in page is not a page served), and the
-- figures written as one JSON line at the end.
--
--   GONGKAI_BENCH_COOKIE="sessionid=…" GONGKAI_BENCH_PATH="/desk/?tab=open" \
--     wrk -t2 -c50 -d20s --timeout 30s -s bench/wrk_session.lua http://127.0.0.1:8105

local cookie = os.getenv("GONGKAI_BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  local listing = os.getenv("GONGKAI_BENCH_PATHS_FILE")
  if listing then
    for path in io.lines(listing) do
      if path ~= "" then table.insert(paths, path) end
    end
  end
  if #paths == 0 then paths = { os.getenv("GONGKAI_BENCH_PATH") or "/" } end
  at = (id * 7919) % #paths -- each thread starts elsewhere in the list
  not_ok = 0
  first_bad = 0
end

function request()
  at = at % #paths + 1
  return wrk.format("GET", paths[at])
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
    if first_bad == 0 then first_bad = status end
  end
end

function done(summary, latency, requests)
  local bad, status = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
    if status == 0 then status = thread:get("first_bad") end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "seconds": %.3f, "not_200": %d, "first_bad_status": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "timeout": %d, "p50": %.3f, "p95": %.3f, "p99": %.3f, "max": %.3f}\n',
    summary.requests, summary.duration / 1e6, bad, status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
