-- check_username for random (almost surely free) names in one session: BENCH_SESSION_ID, BENCH_DOMAIN.
-- 1,024 distinct pre-built requests per thread, sent in turn, so the driver spends nothing per request.
local x = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "xmlrpc.lua")
local pool = {}

setup = x.setup
done = x.done

function init(args)
  math.randomseed(os.time() * 100 + (thread_id or 0))
  local sid, domain = x.env("BENCH_SESSION_ID", "floor"), x.env("BENCH_DOMAIN", "example.net")
  for i = 1, 1024 do
    pool[i] = x.request(x.call("check_username",
      { { "session_id", sid }, { "username", "ck" .. x.random36(12) }, { "domain", domain } }))
  end
end

local n = 0
function request()
  n = n % #pool + 1
  return pool[n]
end
