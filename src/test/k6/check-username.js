// check_username at a high constant rate: random names that are free, so every answer must be available = 1.
// k6 run -e GW_URL=... -e GW_AGENT_USERNAME=... -e GW_AGENT_PASSWORD=... [-e GW_DOMAIN=..] \
//   [-e RATE=500 -e DURATION=2m -e VUS=50 -e P95_MS=50 -e P99_MS=200] check-username.js
import { check } from 'k6';
import { call, catalog, env, login, logout, runTag, text, thresholds } from './lib/xmlrpc.js';

export const options = {
  scenarios: {
    checks: {
      executor: 'constant-arrival-rate',
      rate: env.rate,
      timeUnit: '1s',
      duration: env.duration,
      preAllocatedVUs: env.vus,
      maxVUs: env.vus * 2,
    },
  },
  thresholds: { ...thresholds(['check_username']), 'checks{kind:available}': ['rate>0.99'] },
};

export function setup() {
  const sessionId = login();
  return { sessionId, domain: catalog(sessionId).domain, tag: runTag() };
}

export default function (data) {
  const username = `${data.tag}f${__VU}n${__ITER}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const r = call('check_username', { session_id: data.sessionId, username, domain: data.domain });
  check(r, { 'a free name is available': (x) => text(x.answer.available) === '1' }, { kind: 'available' });
}

export function teardown(data) {
  logout(data.sessionId);
}
