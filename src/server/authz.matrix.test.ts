import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { roleGrants } from '../contracts/permissions.contracts.js';
import { roles } from '../contracts/roles.contracts.js';
import { decideAccess } from './core/http/http.principal.js';
import { type Agent, loginAs, type TestApp, testApp } from './testing/test-app.js';

/**
 * The authorization matrix: every registered route × every role, asserting over real HTTP
 * that the server allows or denies exactly as the permission catalogue says. Generated from
 * the route table, so a new route is covered the day it is added.
 */
const accountFor = {
  stationOfficer: 'chuo.sato',
  stationManager: 'chuo.kacho',
  cyberAnalyst: 'cyber.watanabe',
  caseInvestigator: 'seikei.nakamura',
  technicalAnalyst: 'kaiseki.kobayashi',
  csirt: 'csirt.kato',
  hrTraining: 'kyoyo.yoshida',
  executive: 'exec.yamada',
  sysAdmin: 'admin',
  partner: 'partner.council',
} as const;

let a: TestApp;
const agents = new Map<string, Agent>();
before(async () => {
  a = await testApp();
  for (const role of roles) agents.set(role, await loginAs(a.app, accountFor[role]));
});
after(() => a.close());

const stub = {
  userId: 'u',
  loginId: 'l',
  displayName: 'd',
  unitId: 'x',
  unitName: 'n',
  csrfToken: null,
  sessionIdHash: null,
  apiTokenId: null,
  scope: 'unit' as const,
  restricted: null,
};

function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
}

test('every route x every role is allowed or denied as the catalogue says', async () => {
  // Routes that end the caller's own sessions would log the matrix out; their access is checked below.
  const endsSession = new Set(['/api/auth/logout', '/api/auth/logout-everywhere']);
  const routes = a.routes.filter((r) => r.access && r.method !== 'HEAD' && r.url.startsWith('/api/'));
  for (const r of routes.filter((x) => endsSession.has(x.url))) assert.equal(r.access, 'authenticated');
  assert.ok(routes.length >= 4);
  for (const r of routes) {
    for (const role of endsSession.has(r.url) ? [] : roles) {
      const agent = agents.get(role) as Agent;
      const res = await a.app.inject({ method: r.method as 'GET', url: concreteUrl(r.url), headers: agent.headers() });
      const expected = decideAccess(r.access ?? 'public', { ...stub, role, permissions: new Set(roleGrants[role]) });
      const denied = res.statusCode === 403 && res.json().error.code === 'auth.forbidden';
      assert.equal(denied, expected === 'forbidden', `${role} ${r.method} ${r.url} → ${res.statusCode}`);
    }
    // And anonymous callers reach only public routes.
    const anon = await a.app.inject({ method: r.method as 'GET', url: concreteUrl(r.url) });
    assert.equal(anon.statusCode === 401, r.access !== 'public', `anonymous ${r.method} ${r.url} → ${anon.statusCode}`);
  }
});

test('the CSIRT reads the denied attempts the matrix just made; roles without audit.read cannot', async () => {
  assert.ok(roleGrants.csirt.includes('audit.read'));
  const url = '/api/audit/events?outcome=denied&limit=50';
  for (const role of roles) {
    const res = await a.app.inject({ url, headers: (agents.get(role) as Agent).headers() });
    const allowed = (roleGrants[role] as readonly string[]).includes('audit.read');
    assert.equal(res.statusCode, allowed ? 200 : 403, `${role} GET ${url}`);
  }
  const seen = (await a.app.inject({ url, headers: (agents.get('csirt') as Agent).headers() })).json();
  assert.ok(seen.items.length > 0, 'the matrix denied something, and it is in the trail');
  assert.ok(seen.items.every((e: { outcome: string; action: string }) => e.outcome === 'denied' && e.action.startsWith('access.denied')));
});

test('the system administrator holds no permission outside administration', () => {
  for (const p of roleGrants.sysAdmin) assert.match(p, /^(system|org|audit|auth)\./);
});
