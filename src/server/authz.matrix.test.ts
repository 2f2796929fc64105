import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { roleGrants, roleScopes } from '../contracts/permissions.contracts.js';
import { roles } from '../contracts/roles.contracts.js';
import { decideAccess } from './core/http/http.principal.js';
import { recordText, warningListsKey } from './domains/indicators/index.js';
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

test('the system administrator holds no permission outside administration', () => {
  for (const p of roleGrants.sysAdmin) assert.match(p, /^(system|org|audit|auth)\./);
});

test('an indicator by id, for every role: the value only to readers of a record holding it', async () => {
  const deps = { db: a.db, warnings: a.ctx.services.get(warningListsKey), commonThreshold: 50 };
  const ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  const owners = [agents.get('stationOfficer') as Agent, ishinomaki];
  const values = ['+818099990001', '+818099990002'];
  for (const [i, owner] of owners.entries()) {
    await recordText(
      deps,
      { recordType: 'consultation', recordId: `matrix-${i}`, unitId: owner.info.user.unit.id },
      `連絡先 080-9999-000${i + 1}`,
    );
  }
  for (const [i, owner] of owners.entries()) {
    const ind = await a.db.kysely
      .selectFrom('indicator')
      .select('id')
      .where('value', '=', values[i] as string)
      .executeTakeFirstOrThrow();
    for (const role of roles) {
      const agent = agents.get(role) as Agent;
      const res = await a.app.inject({ url: `/api/indicators/${ind.id}`, headers: agent.headers() });
      if (!roleGrants[role].includes('indicators.read')) {
        assert.equal(res.statusCode, 403, `${role} is refused`);
        continue;
      }
      assert.equal(res.statusCode, 200, `${role} ${res.body}`);
      const sees =
        roleScopes[role] === 'prefecture' || (roleScopes[role] === 'unit' && agent.info.user.unit.id === owner.info.user.unit.id);
      const body = res.json();
      assert.equal(body.indicator?.value ?? null, sees ? values[i] : null, `${role} on a record of ${owner.info.user.loginId}`);
      if (!sees) assert.deepEqual(body, { indicator: null, sightings: [], hiddenRecords: 1 }, `${role}: a count only`);
    }
  }
});
