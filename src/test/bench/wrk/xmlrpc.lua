-- Shared by the method scripts (dofile'd by each): XML-RPC request bodies, and done(), which prints one
-- machine-readable WRK line that run-benchmarks.sh and profile.sh read (req/s, latency percentiles, errors).
local M = {}

local function escape(s)
  return (tostring(s):gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

local function value(v)
  if type(v) == "number" then
    return "<value><int>" .. string.format("%d", v) .. "</int></value>"
  end
  return "<value><string>" .. escape(v) .. "</string></value>"
end

-- members: a list of {name, value} pairs (a list keeps the order of the struct stable)
function M.call(method, members)
  local parts = { '<?xml version="1.0"?><methodCall><methodName>FS.SelfService.XMLRPC.', method,
    "</methodName><params><param><value><struct>" }
  for _, m in ipairs(members) do
    parts[#parts + 1] = "<member><name>" .. m[1] .. "</name>" .. value(m[2]) .. "</member>"
  end
  parts[#parts + 1] = "</struct></value></param></params></methodCall>"
  return table.concat(parts)
end

-- POST with the XML-RPC content type; wrk.format adds Host and Content-Length.
M.headers = { ["Content-Type"] = "text/xml" }

function M.request(body)
  return wrk.format("POST", nil, M.headers, body)
end

-- A base-36 string of n random characters (usernames unlikely to exist).
function M.random36(n)
  local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
  local out = {}
  for i = 1, n do
    local k = math.random(1, 36)
    out[i] = digits:sub(k, k)
  end
  return table.concat(out)
end

function M.env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then return default end
  return v
end

-- Thread numbering for per-thread seeds and username tags (setup runs once per thread, in the main state).
local threads = 0
function M.setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function M.done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "WRK requests=%d seconds=%.3f rps=%.1f p50=%.3f p90=%.3f p99=%.3f max=%.3f connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end

return M
