-- agent_info in one session (BENCH_SESSION_ID): the same request every time, sent by wrk without Lua per request.
local x = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "xmlrpc.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "text/xml"
wrk.body = x.call("agent_info", { { "session_id", x.env("BENCH_SESSION_ID", "floor") } })
done = x.done
