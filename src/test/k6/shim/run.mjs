// Runs a k6 script's own code under Node in a reduced form: setup once; each scenario's exec function for
// SHIM_ITERATIONS iterations back to back over SHIM_VUS virtual users (no pacing: arrival rates and durations are
// not honoured); teardown; then the script's thresholds over the recorded samples. Prints a JSON summary (and
// writes it to SHIM_SUMMARY if set). Exit codes as k6's: 0, 99 thresholds crossed, 107 script error.
// Usage: node --import ./shim/register.mjs shim/run.mjs SCRIPT.js
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkResults } from './k6.js';
import { requests } from './http.js';
import { aggregate, evaluate, metrics } from './registry.js';

const script = process.argv[2];
const iterations = Number(process.env.SHIM_ITERATIONS || 3);
const vus = Number(process.env.SHIM_VUS || 2);
globalThis.__ENV = { ...process.env };
globalThis.__VU = 0;
globalThis.__ITER = 0;
globalThis.__SHIM_TAGS = {};

const summary = { script, iterations: {}, iterationErrors: [], checks: {}, thresholds: {}, metrics: {}, requests };
let exitCode = 0;
try {
  const mod = await import(pathToFileURL(resolve(script)).href);
  const options = mod.options || {};
  const scenarios = options.scenarios || { default: { exec: 'default' } };
  const data = mod.setup ? JSON.parse(JSON.stringify(mod.setup() ?? null)) : undefined;
  for (const [name, scenario] of Object.entries(scenarios)) {
    const exec = mod[scenario.exec || 'default'];
    if (typeof exec !== 'function') throw new Error(`scenario ${name}: no exported function ${scenario.exec || 'default'}`);
    const iter = new Array(vus + 1).fill(0);
    globalThis.__SHIM_TAGS = { scenario: name };
    for (let i = 0; i < iterations; i += 1) {
      globalThis.__VU = (i % vus) + 1;
      globalThis.__ITER = iter[globalThis.__VU]++;
      try {
        exec(data);
      } catch (e) {
        summary.iterationErrors.push(`${name} VU ${globalThis.__VU} iteration ${globalThis.__ITER}: ${e.message}`);
      }
    }
    summary.iterations[name] = iterations;
  }
  globalThis.__SHIM_TAGS = {};
  globalThis.__VU = 0;
  if (mod.teardown) mod.teardown(data);
  summary.thresholds = evaluate(options.thresholds);
  if (Object.values(summary.thresholds).some((t) => !t.ok)) exitCode = 99;
} catch (e) {
  summary.scriptError = e.stack || String(e);
  exitCode = 107;
}
summary.checks = Object.fromEntries(checkResults);
for (const [name, m] of metrics) {
  const a = aggregate(m.type, m.samples.map((s) => s.value));
  summary.metrics[name] = { type: m.type, count: a.count, rate: a.rate, p95: m.type === 'trend' ? a.p(95) : undefined };
}
const json = JSON.stringify(summary, null, 2);
if (process.env.SHIM_SUMMARY) writeFileSync(process.env.SHIM_SUMMARY, json);
process.stdout.write(`${json}\n`);
process.exit(exitCode);
