// The shim's HTTP client thread: performs one request per message (keep-alive), writes the answer into the shared
// buffer and wakes the script's thread, which waits on it with Atomics.wait (k6's http calls are synchronous).
import http from 'node:http';
import https from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';

const state = new Int32Array(workerData, 0, 2);
const data = new Uint8Array(workerData, 8);
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

function reply(result) {
  let bytes = new TextEncoder().encode(JSON.stringify(result));
  if (bytes.length > data.length) {
    bytes = new TextEncoder().encode(JSON.stringify({ status: 0, error: `answer over ${data.length} bytes`, body: '' }));
  }
  data.set(bytes);
  Atomics.store(state, 1, bytes.length);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
}

parentPort.on('message', ({ method, url, body, headers, timeoutMs }) => {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const started = process.hrtime.bigint();
  const req = client.request(target, { method, headers, agent: agents[target.protocol], timeout: timeoutMs }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => reply({
      status: res.statusCode,
      headers: res.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    }));
  });
  req.on('timeout', () => req.destroy(new Error('request timeout')));
  req.on('error', (e) => reply({ status: 0, error: e.message, body: '', durationMs: Number(process.hrtime.bigint() - started) / 1e6 }));
  if (body !== undefined && body !== null) req.write(body);
  req.end();
});
