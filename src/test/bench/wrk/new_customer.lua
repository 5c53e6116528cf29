-- new_customer CARD signups (approved by the test processor) in one session: BENCH_SESSION_ID, BENCH_PKGPART.
-- Every request has its own username: a run tag (BENCH_RUN_TAG, default the clock in base 36), the thread and
-- a counter, so repeated runs against the same database never collide.
local x = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "xmlrpc.lua")
local sid, pkgpart, tag

setup = x.setup
done = x.done

function init(args)
  sid = x.env("BENCH_SESSION_ID", "floor")
  pkgpart = tonumber(x.env("BENCH_PKGPART", "1"))
  tag = x.env("BENCH_RUN_TAG", string.format("%x", os.time()))
end

local n = 0
function request()
  n = n + 1
  local username = string.format("w%st%dn%d", tag, thread_id or 0, n)
  return x.request(x.call("new_customer", {
    { "session_id", sid }, { "first", "Bench" }, { "last", "User " .. username }, { "company", "" },
    { "address1", "1 Test Street" }, { "address2", "" }, { "city", "Springfield" }, { "state", "IL" },
    { "zip", "62701" }, { "country", "US" }, { "daytime", "217-555-0100" },
    { "invoicing_list", username .. "@example.com" }, { "payby", "CARD" }, { "payinfo", "4111111111111111" },
    { "paydate", "12/2030" }, { "paycvv", "123" }, { "payname", "Bench User" }, { "pkgpart", pkgpart },
    { "username", username }, { "_password", "Secr3t-" .. username:sub(-3) },
  }))
end
