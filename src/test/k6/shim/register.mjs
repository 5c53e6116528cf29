// node --import ./shim/register.mjs shim/run.mjs SCRIPT: makes `k6`, `k6/http`, `k6/metrics` resolve to this shim.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
