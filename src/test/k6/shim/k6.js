// k6: check, group, sleep, fail.
import { add } from './registry.js';

export const checkResults = new Map(); // check name -> { passes, fails }

export function check(value, checks, tags = {}) {
  let all = true;
  for (const [name, fn] of Object.entries(checks)) {
    let ok;
    try {
      ok = Boolean(typeof fn === 'function' ? fn(value) : fn);
    } catch (e) {
      ok = false;
    }
    const r = checkResults.get(name) || { passes: 0, fails: 0 };
    r[ok ? 'passes' : 'fails'] += 1;
    checkResults.set(name, r);
    add('checks', 'rate', ok ? 1 : 0, { check: name, ...tags });
    all = all && ok;
  }
  return all;
}

export function group(name, fn) {
  return fn();
}

export function sleep(seconds) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.round(seconds * 1000));
}

export function fail(message) {
  throw new Error(message);
}

export default { check, group, sleep, fail };
