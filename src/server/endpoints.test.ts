import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditEndpoints } from '../contracts/audit.endpoints.js';
import { authEndpoints } from '../contracts/auth.endpoints.js';
import { casesEndpoints } from '../contracts/cases.endpoints.js';
import type { AnyEndpoint } from '../contracts/endpoint.js';
import { homeEndpoints } from '../contracts/home.endpoints.js';
import { indicatorEndpoints } from '../contracts/indicators.endpoints.js';
import { intakeEndpoints } from '../contracts/intake.endpoints.js';
import { legalEndpoints } from '../contracts/legal.endpoints.js';
import { notifyEndpoints } from '../contracts/notify.endpoints.js';
import { orgEndpoints } from '../contracts/org.endpoints.js';
import { requestsEndpoints } from '../contracts/requests.endpoints.js';
import { systemEndpoints } from '../contracts/system.endpoints.js';
import { type TestApp, testApp } from './testing/test-app.js';

/**
 * Contracts and server agree: every declared endpoint is served with the access it declares,
 * and every API route the server serves was declared (so the web app can call it by contract).
 */
const declared: AnyEndpoint[] = [
  auditEndpoints,
  authEndpoints,
  casesEndpoints,
  homeEndpoints,
  indicatorEndpoints,
  intakeEndpoints,
  notifyEndpoints,
  orgEndpoints,
  requestsEndpoints,
  legalEndpoints,
  systemEndpoints,
].flatMap((group) => Object.values(group));

let a: TestApp;
before(async () => {
  a = await testApp();
});
after(() => a.close());

test('every endpoint in src/contracts is served, with the access it declares', () => {
  for (const ep of declared) {
    const served = a.routes.find((r) => r.method === ep.method && r.url === ep.path);
    assert.ok(served, `${ep.method} ${ep.path} is not registered`);
    assert.equal(served.access, ep.access, `${ep.method} ${ep.path}`);
  }
});

test('every served API route is declared in src/contracts', () => {
  const keys = new Set(declared.map((ep) => `${ep.method} ${ep.path}`));
  for (const r of a.routes) {
    if (r.method === 'HEAD' || !r.access || r.url.startsWith('/api/docs')) continue;
    if (!r.url.startsWith('/api/') && !['/healthz', '/readyz'].includes(r.url)) continue;
    assert.ok(keys.has(`${r.method} ${r.url}`), `${r.method} ${r.url} has no contract`);
  }
});

test('OpenAPI lists every declared endpoint with its summary', async () => {
  const doc = (await a.app.inject('/api/docs/json')).json() as { paths: Record<string, Record<string, { summary?: string }>> };
  for (const ep of declared) {
    const path = ep.path.replace(/:(\w+)/g, '{$1}');
    const op = doc.paths[path]?.[ep.method.toLowerCase()];
    assert.ok(op, `${ep.method} ${path} missing from OpenAPI`);
    assert.equal(op.summary, ep.summary);
  }
});
