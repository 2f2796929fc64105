// Node module hooks for web tests: a stylesheet import (Vite's job in the app) becomes a module whose
// class names are their own keys, so `classes.link` renders as "link" and components load under Node.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.css')) {
    return { format: 'module', shortCircuit: true, source: 'export default new Proxy({}, { get: (_, key) => String(key) });' };
  }
  return nextLoad(url, context);
}
