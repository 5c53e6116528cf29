// The one XML-RPC helper the k6 scripts share: build a methodCall, post it, read the answer, count what went wrong.
// Every scalar is read as its text, so scripts work whether the gateway types answers (<int>1</int>) or, as
// Freeside does, sends every scalar as a <string>.
import http from 'k6/http';
import { check } from 'k6';
import { Counter, Rate } from 'k6/metrics';

export const unexpectedErrors = new Counter('unexpected_errors');
export const callFailed = new Rate('call_failed');

export const env = {
  url: __ENV.GW_URL || 'http://127.0.0.1:8080/selfservice/xmlrpc.cgi',
  username: __ENV.GW_AGENT_USERNAME || 'demo',
  password: __ENV.GW_AGENT_PASSWORD || '',
  pkgpart: __ENV.GW_PKGPART || '',
  domain: __ENV.GW_DOMAIN || '',
  rate: Number(__ENV.RATE || 10),
  duration: __ENV.DURATION || '1m',
  vus: Number(__ENV.VUS || 50),
  p95: Number(__ENV.P95_MS || 250),
  p99: Number(__ENV.P99_MS || 1000),
};

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ESCAPES[c]);

function encodeValue(v) {
  if (Array.isArray(v)) {
    return `<array><data>${v.map((x) => `<value>${encodeValue(x)}</value>`).join('')}</data></array>`;
  }
  if (v !== null && typeof v === 'object') {
    return `<struct>${Object.keys(v).map((k) => `<member><name>${escape(k)}</name><value>${encodeValue(v[k])}</value></member>`).join('')}</struct>`;
  }
  return `<string>${escape(v)}</string>`;
}

export function encodeCall(method, struct) {
  return `<?xml version="1.0"?><methodCall><methodName>FS.SelfService.XMLRPC.${method}</methodName>`
    + `<params><param><value>${encodeValue(struct)}</value></param></params></methodCall>`;
}

const unescape = (text) => text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (m, e) => {
  switch (e) {
    case 'lt': return '<';
    case 'gt': return '>';
    case 'amp': return '&';
    case 'quot': return '"';
    case 'apos': return "'";
    default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  }
});

// A small pull parser over the answer's tags: enough for methodResponse (no attributes, no CDATA in answers).
function tokens(xml) {
  const out = [];
  const re = /<(\/?)([A-Za-z0-9_.:-]+)\s*(\/?)>|([^<]+)|<\?[^>]*\?>/g;
  let m;
  while ((m = re.exec(xml)) !== null) {
    if (m[2]) out.push({ tag: m[2], close: m[1] === '/', empty: m[3] === '/' });
    else if (m[4] !== undefined) out.push({ text: m[4] });
  }
  return out;
}

function parseValue(ts, i) {
  // ts[i] is <value> (or <value/>); returns [value, index after </value>]
  if (ts[i].empty) return ['', i + 1];
  i += 1;
  let text = '';
  while (ts[i].text !== undefined) { text += ts[i].text; i += 1; }
  const t = ts[i];
  if (t.close && t.tag === 'value') return [unescape(text), i + 1]; // untyped: a string
  let value;
  if (t.tag === 'struct') {
    value = {};
    i += 1;
    while (!(ts[i].close && ts[i].tag === 'struct')) {
      if (ts[i].tag === 'member' && !ts[i].close) {
        const name = unescape(ts[i + 2].text !== undefined ? ts[i + 2].text : '');
        let j = i + 1;
        while (ts[j].tag !== 'value') j += 1;
        const [v, next] = parseValue(ts, j);
        value[name] = v;
        i = next;
      } else {
        i += 1;
      }
    }
    i += 1;
  } else if (t.tag === 'array') {
    value = [];
    i += 1;
    while (!(ts[i].close && ts[i].tag === 'array')) {
      if (ts[i].tag === 'value' && !ts[i].close) {
        const [v, next] = parseValue(ts, i);
        value.push(v);
        i = next;
      } else {
        i += 1;
      }
    }
    i += 1;
  } else if (t.empty) {
    value = t.tag === 'nil' ? null : '';
    i += 1;
  } else {
    // any scalar (string, int, i4, i8, boolean, double, dateTime.iso8601, base64): its text
    i += 1;
    let inner = '';
    while (ts[i].text !== undefined) { inner += ts[i].text; i += 1; }
    value = unescape(inner);
    i += 1;
  }
  while (!(ts[i].close && ts[i].tag === 'value')) i += 1;
  return [value, i + 1];
}

/** { fault: {faultCode, faultString} } or { value }; throws on something that is not a methodResponse. */
export function decodeResponse(xml) {
  const ts = tokens(String(xml));
  const first = ts.findIndex((t) => t.tag === 'value' && !t.close);
  if (!/<methodResponse>/.test(xml) || first < 0) throw new Error(`not an XML-RPC answer: ${String(xml).slice(0, 200)}`);
  const [value] = parseValue(ts, first);
  return /<fault>/.test(xml) ? { fault: value } : { value };
}

/** The text of a scalar whatever its XML-RPC type: "1" for <int>1</int>, <string>1</string> or <boolean>1</boolean>. */
export const text = (v) => (v === undefined || v === null ? '' : String(v));

/**
 * Calls a method and checks its answer: no HTTP or XML-RPC failure, and `error` empty or one of `allowed`. Any other
 * error string counts in unexpected_errors (a threshold keeps it at 0). Returns { ok, answer, error, fault, res }.
 */
export function call(method, struct, allowed = []) {
  const res = http.post(env.url, encodeCall(method, struct), {
    headers: { 'Content-Type': 'text/xml' },
    tags: { rpc: method }, // not "method": k6 fills that system tag with the HTTP verb
  });
  let decoded = {};
  try {
    decoded = res.status === 200 ? decodeResponse(res.body) : { fault: { faultString: `HTTP ${res.status}` } };
  } catch (e) {
    decoded = { fault: { faultString: e.message } };
  }
  const answer = decoded.value && typeof decoded.value === 'object' ? decoded.value : {};
  const error = decoded.fault ? '' : text(answer.error);
  const expected = !decoded.fault && decoded.value !== undefined && (error === '' || allowed.includes(error));
  if (!decoded.fault && !expected) unexpectedErrors.add(1, { rpc: method, error });
  callFailed.add(!expected, { rpc: method });
  check(res, { [`${method} answered as expected`]: () => expected });
  return { ok: expected, answer, error, fault: decoded.fault, res };
}

export function login(username = env.username, password = env.password) {
  const r = call('agent_login', { username, password });
  if (!r.ok || !r.answer.session_id) {
    throw new Error(`agent_login as ${username} failed: ${r.error || JSON.stringify(r.fault)}`);
  }
  return text(r.answer.session_id);
}

export function logout(sessionId) {
  return call('agent_logout', { session_id: sessionId });
}

/** The package and domain to sell: GW_PKGPART/GW_DOMAIN, else the first ones signup_info lists. */
export function catalog(sessionId) {
  if (env.pkgpart && env.domain) return { pkgpart: env.pkgpart, domain: env.domain };
  const r = call('signup_info', { session_id: sessionId });
  const pkg = (r.answer.part_pkg || [])[0];
  const dom = (r.answer.svc_domain || [])[0];
  if (!r.ok || (!env.pkgpart && !pkg) || (!env.domain && !dom)) {
    throw new Error('signup_info lists no package or domain: set GW_PKGPART and GW_DOMAIN');
  }
  return { pkgpart: env.pkgpart || text(pkg.pkgpart), domain: env.domain || text(dom.domain) };
}

/** A run tag so usernames stay distinct across runs against the same database. */
export const runTag = () => `k${Date.now().toString(36)}`;

/** new_customer fields for a CARD signup the test processor approves (4111 1111 1111 1111). */
export function signupFields(sessionId, cat, username) {
  return {
    session_id: sessionId,
    first: 'Load',
    last: `Test ${username}`,
    company: '',
    address1: '1 Test Street',
    address2: '',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    country: 'US',
    daytime: '217-555-0100',
    invoicing_list: `${username}@example.com`,
    payby: 'CARD',
    payinfo: '4111111111111111',
    paydate: '12/2030',
    paycvv: '123',
    payname: 'Load Test',
    pkgpart: cat.pkgpart,
    domain: cat.domain,
    username,
    _password: `Secr3t-${username}`,
  };
}

/** Thresholds every script shares: latency per method, failed calls, and not one unexpected error string. */
export function thresholds(methods, p95 = env.p95, p99 = env.p99) {
  const t = {
    call_failed: ['rate<0.01'],
    unexpected_errors: ['count==0'],
    http_req_failed: ['rate<0.01'],
  };
  for (const m of methods) t[`http_req_duration{rpc:${m}}`] = [`p(95)<${p95}`, `p(99)<${p99}`];
  return t;
}
