// Signup storm: new_customer at a constant arrival rate, each with a distinct username, paid by CARD through the
// gateway's test processor. k6 run -e GW_URL=... -e GW_AGENT_USERNAME=... -e GW_AGENT_PASSWORD=... \
//   [-e GW_PKGPART=.. -e GW_DOMAIN=..] [-e RATE=20 -e DURATION=2m -e VUS=100 -e P95_MS=250 -e P99_MS=1000] signup-storm.js
import { call, catalog, env, login, logout, runTag, signupFields, text, thresholds } from './lib/xmlrpc.js';

export const options = {
  scenarios: {
    signups: {
      executor: 'constant-arrival-rate',
      rate: env.rate,
      timeUnit: '1s',
      duration: env.duration,
      preAllocatedVUs: env.vus,
      maxVUs: env.vus * 2,
    },
  },
  thresholds: thresholds(['new_customer']),
};

export function setup() {
  const sessionId = login();
  return { sessionId, catalog: catalog(sessionId), tag: runTag() };
}

export default function (data) {
  const username = `${data.tag}v${__VU}i${__ITER}`;
  const r = call('new_customer', signupFields(data.sessionId, data.catalog, username));
  if (r.ok && !/^[0-9]+$/.test(text(r.answer.custnum))) {
    throw new Error(`new_customer answered without a custnum: ${JSON.stringify(r.answer)}`);
  }
}

export function teardown(data) {
  logout(data.sessionId);
}
