// Module resolution hook: the k6 built-in modules are this directory's files.
const MODULES = { k6: './k6.js', 'k6/http': './http.js', 'k6/metrics': './metrics.js' };

export async function resolve(specifier, context, next) {
  if (Object.hasOwn(MODULES, specifier)) {
    return { url: new URL(MODULES[specifier], import.meta.url).href, shortCircuit: true };
  }
  if (specifier.startsWith('k6/')) {
    throw new Error(`the k6 shim has no module ${specifier}`);
  }
  return next(specifier, context);
}
