// k6/metrics: Counter, Rate, Trend, Gauge recording into the shim's registry.
import { add } from './registry.js';

class Metric {
  constructor(name, type) {
    this.name = name;
    this.type = type;
  }

  add(value, tags) {
    add(this.name, this.type, typeof value === 'boolean' ? Number(value) : value, tags);
  }
}

export class Counter extends Metric { constructor(name) { super(name, 'counter'); } }
export class Rate extends Metric { constructor(name) { super(name, 'rate'); } }
export class Trend extends Metric { constructor(name) { super(name, 'trend'); } }
export class Gauge extends Metric { constructor(name) { super(name, 'gauge'); } }
