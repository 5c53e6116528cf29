// Samples of every metric (built-in and the scripts' own), and k6's threshold expressions evaluated over them.
export const metrics = new Map(); // name -> { type, samples: [{ value, tags }] }

export function add(name, type, value, tags = {}) {
  if (!metrics.has(name)) metrics.set(name, { type, samples: [] });
  metrics.get(name).samples.push({ value: Number(value), tags: { ...globalThis.__SHIM_TAGS, ...tags } });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

// "http_req_duration{method:new_customer}" -> samples whose tags match
function select(key) {
  const m = /^([A-Za-z0-9_]+)(?:\{(.*)\})?$/.exec(key);
  if (!m) throw new Error(`threshold on unknown metric form ${key}`);
  const metric = metrics.get(m[1]);
  const filters = (m[2] || '').split(',').filter(Boolean).map((f) => f.split(':').map((s) => s.trim()));
  const samples = metric ? metric.samples.filter((s) => filters.every(([k, v]) => String(s.tags[k]) === v)) : [];
  return { type: metric ? metric.type : 'unknown', values: samples.map((s) => s.value) };
}

export function aggregate(type, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: type === 'counter' ? sum : values.length,
    rate: type === 'rate' ? (values.length ? values.filter((v) => v !== 0).length / values.length : 0) : sum,
    avg: values.length ? sum / values.length : NaN,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    med: percentile(sorted, 50),
    value: values[values.length - 1],
    p: (x) => percentile(sorted, x),
  };
}

const OPS = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
  '==': (a, b) => a === b, '===': (a, b) => a === b, '!=': (a, b) => a !== b,
};

/** { "key: expr": { ok, actual } } for every threshold of the options; no sample at all fails only p()/avg ones. */
export function evaluate(thresholds = {}) {
  const results = {};
  for (const [key, list] of Object.entries(thresholds)) {
    const { type, values } = select(key);
    const agg = aggregate(type, values);
    for (const item of list) {
      const expr = typeof item === 'string' ? item : item.threshold;
      const m = /^\s*(p\(([\d.]+)\)|avg|min|max|med|rate|count|value)\s*(<=|>=|===|==|!=|<|>)\s*([\d.]+)\s*$/.exec(expr);
      if (!m) throw new Error(`threshold expression the shim cannot read: ${expr}`);
      const actual = m[2] !== undefined ? agg.p(Number(m[2])) : agg[m[1]];
      const ok = values.length === 0 && (m[1] === 'count' || m[1] === 'rate') ? OPS[m[3]](0, Number(m[4]))
        : OPS[m[3]](actual, Number(m[4]));
      results[`${key}: ${expr}`] = { ok: Boolean(ok), actual: Number.isNaN(actual) ? null : actual, samples: values.length };
    }
  }
  return results;
}
