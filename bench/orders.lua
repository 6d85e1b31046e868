-- wrk script of `bench/run orders`: each request orders one to two packs of stoma products for a
-- random citizen of the generated set, as the bench agent, with its own Idempotency-Key.
-- Arguments after --: the citizens file (id,municipality per line), the Basic credentials and,
-- optionally, a pause in milliseconds before each request of a connection, to pace the load.

local citizens = {}
local auth
local pause = 0
local counter = 0
local orders = {
  '{"productId":"b0000000-0000-4000-8000-000000000005","quantity":1,"holeDiameterMm":25}',
  '{"productId":"b0000000-0000-4000-8000-000000000003","quantity":1}',
  '{"productId":"b0000000-0000-4000-8000-000000000005","quantity":1,"holeDiameterMm":30},'
    .. '{"productId":"b0000000-0000-4000-8000-000000000003","quantity":1}',
  '{"productId":"b0000000-0000-4000-8000-000000000010","quantity":1}',
}
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    citizens[#citizens + 1] = string.sub(line, 1, 36)
  end
  auth = args[2]
  pause = tonumber(args[3] or "0")
  math.randomseed(os.time() * 1000 + id)
  created, other = 0, 0
end

function delay()
  return pause
end

function request()
  counter = counter + 1
  local body = '{"citizenId":"' .. citizens[math.random(#citizens)] .. '","channel":"PHONE","lines":['
    .. orders[math.random(#orders)] .. ']}'
  return wrk.format("POST", "/api/v1/orders", {
    ["Authorization"] = "Basic " .. auth,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("%d-%d-%d-%d", id, os.time(), counter, math.random(1e9)),
  }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok, failed = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("created")
    failed = failed + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("orders: %.0f s measured: %d placed (201), %d other answers, %d socket errors\n",
    seconds, ok, failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("orders per second: %.1f\n", ok / seconds))
  io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
