-- Run by wrk (-s statuses.lua) for the tracking benchmark (tools/benchmarks/Tracking, Wrk.cs).
-- wrk's own summary says only how many answers were not 2xx or 3xx, not which: a 429 from the rate
-- limiter would pass for a 404 of an unknown code. So each thread counts its answers by status, and
-- at the end one line gives exact figures (times in microseconds) for the benchmark to read.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  -- A global: done() reads it from each thread with thread:get.
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, status .. ":" .. n)
  end
  local e = summary.errors
  io.write(string.format(
    "helpdesk-wrk requests=%d duration_us=%d p50_us=%.0f p99_us=%.0f max_us=%.0f bytes=%d non2xx3xx=%d socket_errors=%d statuses=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max, summary.bytes,
    e.status, e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
