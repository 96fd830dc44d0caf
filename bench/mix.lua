-- wrk: sends the request paths of the file named by MIX_PATHS in turn, one list per wrk thread.
local paths = {}
local i = 0

init = function(args)
  for line in io.lines(os.getenv("MIX_PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  i = math.random(#paths)
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format("MIX requests=%d errors_status=%d errors_socket=%d duration_us=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.duration, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
