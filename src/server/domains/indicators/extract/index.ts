/**
 * The extractor on its own: reading indicators out of text and a typed value in its canonical
 * form. Pure functions over strings, without the database: a worker thread that validates a feed
 * (cli.validate.worker.ts) loads this, not the domain's storage and routes.
 */
export { canonicalForm, canonicalise } from './extract.canonical.js';
export { distinctValues, extract } from './extract.js';
