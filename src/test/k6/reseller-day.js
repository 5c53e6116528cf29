// A reseller's day: each iteration is one working session — log in, check a few names, sign one up, suspend and
// unsuspend it, look it up in the customer list, log out. Iterations start at a constant rate.
// k6 run -e GW_URL=... -e GW_AGENT_USERNAME=... -e GW_AGENT_PASSWORD=... [-e GW_PKGPART=.. -e GW_DOMAIN=..] \
//   [-e RATE=5 -e DURATION=5m -e VUS=50 -e CHECKS=5 -e P95_MS=250 -e P99_MS=1000] reseller-day.js
import { check } from 'k6';
import { call, catalog, env, login, logout, runTag, signupFields, text, thresholds } from './lib/xmlrpc.js';

const CHECKS = Number(__ENV.CHECKS || 5);
const METHODS = ['agent_login', 'check_username', 'new_customer', 'suspend_username', 'unsuspend_username',
  'agent_list_customers', 'agent_logout'];

export const options = {
  scenarios: {
    day: {
      executor: 'constant-arrival-rate',
      rate: env.rate,
      timeUnit: '1s',
      duration: env.duration,
      preAllocatedVUs: env.vus,
      maxVUs: env.vus * 2,
    },
  },
  // Logins verify an argon2id hash (about 20 ms of CPU): their latency bound is the login's own.
  thresholds: { ...thresholds(METHODS.filter((m) => m !== 'agent_login')), ...thresholds(['agent_login'], env.p95 + 200, env.p99 + 500) },
};

export function setup() {
  const sessionId = login();
  const cat = catalog(sessionId);
  logout(sessionId);
  return { catalog: cat, tag: runTag() };
}

export default function (data) {
  const sessionId = login();
  const { domain } = data.catalog;
  for (let i = 0; i < CHECKS; i += 1) {
    call('check_username', { session_id: sessionId, username: `${data.tag}c${__VU}i${__ITER}n${i}`, domain });
  }
  const username = `${data.tag}v${__VU}i${__ITER}`;
  const signup = call('new_customer', signupFields(sessionId, data.catalog, username));
  if (signup.ok) {
    const account = { session_id: sessionId, username, domain };
    call('suspend_username', account);
    call('unsuspend_username', account);
    const list = call('agent_list_customers', { session_id: sessionId, search: text(signup.answer.custnum) });
    check(list, {
      'the new customer is listed': (r) => (r.answer.customers || []).some((c) => text(c.custnum) === text(signup.answer.custnum)),
    });
  }
  logout(sessionId);
}
