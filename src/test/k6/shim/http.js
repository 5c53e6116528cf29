// k6/http with k6's synchronous semantics: the request runs on a worker thread while this one waits (Atomics.wait).
import { Worker } from 'node:worker_threads';
import { add } from './registry.js';

const shared = new SharedArrayBuffer(8 + 16 * 1024 * 1024);
const state = new Int32Array(shared, 0, 2);
const data = new Uint8Array(shared, 8);
const worker = new Worker(new URL('./http-worker.mjs', import.meta.url), { workerData: shared });
worker.unref();

export const requests = []; // { rpc tag, url, status, error } of every request, for the shim's summary

function request(method, url, body, params = {}) {
  const timeoutMs = 60000;
  Atomics.store(state, 0, 0);
  worker.postMessage({ method, url, body, headers: params.headers || {}, timeoutMs });
  if (Atomics.wait(state, 0, 0, timeoutMs + 5000) === 'timed-out') {
    throw new Error(`k6 shim: no answer from ${url} in ${timeoutMs} ms`);
  }
  const res = JSON.parse(new TextDecoder().decode(data.slice(0, Atomics.load(state, 1))));
  const tags = { method, status: String(res.status), ...(params.tags || {}) };
  add('http_reqs', 'counter', 1, tags);
  add('http_req_duration', 'trend', res.durationMs, tags);
  add('http_req_failed', 'rate', res.status === 0 || res.status >= 400 ? 1 : 0, tags);
  requests.push({ tag: tags.rpc, url, status: res.status, error: res.error });
  return { status: res.status, body: res.body, headers: res.headers || {}, error: res.error || '', timings: { duration: res.durationMs } };
}

export const post = (url, body, params) => request('POST', url, body, params);
export const get = (url, params) => request('GET', url, null, params);
export { request };
export default { post, get, request };
