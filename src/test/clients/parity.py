#!/usr/bin/env python3
"""Freeside parity through Python's xmlrpc.client: flat lists and structs on both prefixes, string-typed
answers compared with ==, idempotent suspend/unsuspend/logout. Prints 'ok NAME' or 'FAIL NAME: why'."""
import os
import sys
import xmlrpc.client as x

env = os.environ
URL, USER, PASS = env["FSGW_URL"], env["FSGW_USER"], env["FSGW_PASS"]
AGENTNUM, DOMAIN, ACCOUNT, CUSTNUM = env["FSGW_AGENTNUM"], env["FSGW_DOMAIN"], env["FSGW_ACCOUNT"], env["FSGW_CUSTNUM"]
server = x.ServerProxy(URL)
failures = 0


def check(name, condition, detail=""):
    global failures
    if condition:
        print("ok " + name)
    else:
        failures += 1
        print("FAIL %s: %r" % (name, detail))


def method(prefix, name):
    return getattr(server, prefix + name) if prefix else getattr(server, name)


for prefix in ("FS.SelfService.XMLRPC.", "FS.ClientAPI_XMLRPC."):
    login = method(prefix, "agent_login")({"username": USER, "password": PASS})
    check(prefix + "login struct", login["error"] == "" and isinstance(login["session_id"], str), login)
    login = method(prefix, "agent_login")("username", USER, "password", PASS)
    check(prefix + "login flat", login["error"] == "", login)
    session = login["session_id"]
    answer = method(prefix, "check_username")("session_id", session, "username", "free" + prefix[3:5], "domain", DOMAIN)
    check(prefix + "available is the string '1'", answer["available"] == "1", answer)
    answer = method(prefix, "check_username")({"session_id": session, "username": ACCOUNT, "domain": DOMAIN})
    check(prefix + "taken is the string '0'", answer["available"] == "0", answer)
    info = method(prefix, "agent_info")("session_id", session)
    check(prefix + "agentnum is a string", info["agentnum"] == AGENTNUM, info)
    for call in ("suspend_username", "suspend_username", "unsuspend_username", "unsuspend_username"):
        answer = method(prefix, call)("session_id", session, "username", ACCOUNT, "domain", DOMAIN)
        check(prefix + call + " answers ''", answer == {"error": ""}, answer)
    listing = method(prefix, "agent_list_customers")({"session_id": session, "search": CUSTNUM})
    customer = listing["customers"][0] if listing.get("customers") else {}
    check(prefix + "listed custnum is a string", customer.get("custnum") == CUSTNUM, listing)
    check(prefix + "undefined paydate reads as ''", customer.get("paydate") == "", customer)
    check(prefix + "no payinfo", "payinfo" not in customer and "payinfo_enc" not in customer, customer)
    try:
        method(prefix, "agent_login")("username", USER, "password")
        check(prefix + "odd list is a fault", False, "no fault")
    except x.Fault as fault:
        check(prefix + "odd list is a fault", fault.faultCode == -32602, fault.faultString)
    answer = method(prefix, "agent_logout")("session_id", session)
    check(prefix + "logout", answer == {"error": ""}, answer)
    answer = method(prefix, "agent_logout")({"session_id": session})
    check(prefix + "logout again answers ''", answer == {"error": ""}, answer)

sys.exit(1 if failures else 0)
