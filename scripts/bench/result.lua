-- wrk: the one line every load script ends with, which the bench scripts read.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
