import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type Permission, roleGrants, roleScopes } from '../contracts/permissions.contracts.js';
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

/** A token per role, holding every other permission of its role: what it may do is exactly its scopes. */
async function tokenFor(role: (typeof roles)[number]): Promise<{ bearer: string; scopes: string[] }> {
  const user = await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', accountFor[role]).executeTakeFirstOrThrow();
  const scopes = roleGrants[role].filter((_, i) => i % 2 === 0);
  const token = `rkt_${randomBytes(32).toString('base64url')}`;
  const now = new Date();
  await a.db.kysely
    .insertInto('api_token')
    .values({
      id: randomUUID(),
      user_id: user.id,
      name: `matrix ${role}`,
      token_hash: createHash('sha256').update(token).digest('hex'),
      scopes: JSON.stringify(scopes),
      created_by: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { bearer: `Bearer ${token}`, scopes };
}

test('every route x a token of every role: only its scopes open routes; authenticated and token routes are session-only', async () => {
  const routes = a.routes.filter((r) => r.access && r.method !== 'HEAD' && r.url.startsWith('/api/'));
  let sessionOnly = 0;
  for (const role of roles) {
    const { bearer, scopes } = await tokenFor(role);
    const principal = { ...stub, role, apiTokenId: 'matrix', permissions: new Set(scopes as Permission[]) };
    for (const r of routes) {
      const res = await a.app.inject({ method: r.method as 'GET', url: concreteUrl(r.url), headers: { authorization: bearer } });
      const expected = decideAccess(r.access ?? 'public', principal, false, r.sessionOnly === true);
      const code = res.statusCode === 403 ? res.json().error.code : null;
      const where = `${role} token ${r.method} ${r.url} → ${res.statusCode} ${code ?? ''}`;
      assert.notEqual(res.statusCode, 401, where);
      assert.equal(code === 'auth.session_required', expected === 'session_required', where);
      assert.equal(code === 'auth.forbidden', expected === 'forbidden', where);
      if (expected === 'session_required') sessionOnly++;
    }
  }
  // Every authenticated route (and the token routes) for every role's token.
  const expectedSessionOnly = routes.filter((r) => r.access === 'authenticated' || r.sessionOnly).length * roles.length;
  assert.equal(sessionOnly, expectedSessionOnly);
  assert.ok(routes.filter((r) => r.access === 'authenticated').length >= 10);
});

test('an administrator may mint a token for a partner account only, never for a person', async () => {
  const admin = agents.get('sysAdmin') as Agent;
  for (const role of roles) {
    const user = await a.db.kysely.selectFrom('app_user').select('id').where('login_id', '=', accountFor[role]).executeTakeFirstOrThrow();
    const res = await a.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/tokens`,
      headers: admin.headers(),
      payload: { name: 'matrix', scopes: ['org.units.read'], expiresInDays: 1 },
    });
    const code = res.json().error?.code;
    if (role === 'partner') assert.notEqual(code, 'auth.token_target_not_partner', role);
    else if (role === 'sysAdmin') assert.equal(code, 'auth.reauth_password_required', 'minting for oneself needs re-authentication');
    else assert.equal(code, 'auth.token_target_not_partner', role);
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${role} → ${res.statusCode}`);
  }
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

test('ホーム for every role: each sees only the sections its permissions give, counted within its reach', async () => {
  const expected: Record<(typeof roles)[number], string[]> = {
    stationOfficer: ['intake.guidance.received', 'intake.escalations.sent', 'intake.followUps.due', 'intake.accessRequests.mine'],
    stationManager: [
      'intake.guidance.received',
      'intake.escalations.sent',
      'intake.followUps.due',
      'intake.accessRequests.mine',
      'intake.progress',
    ],
    cyberAnalyst: [
      'intake.escalations.overdue',
      'intake.escalations.new',
      'intake.escalations.acknowledged',
      'intake.accessRequests.pending',
      'intake.progress',
      // The demo's case of サイバー課 has the phishing checklist's tasks for its lead.
      'cases.tasks',
    ],
    // Unit-scoped readers follow their own unit's reports; they write none, so no follow-up calls.
    caseInvestigator: ['intake.guidance.received', 'intake.escalations.sent', 'intake.accessRequests.mine'],
    technicalAnalyst: ['intake.guidance.received', 'intake.escalations.sent', 'intake.accessRequests.mine'],
    csirt: [],
    hrTraining: [],
    executive: ['intake.progress'],
    sysAdmin: [],
    partner: [],
  };
  for (const role of roles) {
    const res = await a.app.inject({ url: '/api/home', headers: (agents.get(role) as Agent).headers() });
    assert.equal(res.statusCode, 200, `${role}: ${res.body}`);
    const home = res.json() as { sections: { key: string; items: unknown[]; figures?: unknown[] }[]; total: number };
    assert.deepEqual(
      home.sections.map((s) => s.key),
      expected[role],
      role,
    );
    // Roles that may read no record are shown none, only figures if they may see them.
    if (roleScopes[role] === 'none')
      assert.ok(
        home.sections.every((s) => s.items.length === 0),
        role,
      );
  }
});

test('a case, for every role: read by id only within need-to-know; opened, edited, moved and closed only as granted', async () => {
  // What each role may do with a case of 中央署 (chuo.sato's unit): 'read' by id, 'hidden' (404), or refused (403).
  const expected: Record<(typeof roles)[number], { byId: 'read' | 'hidden' | 'refused'; open: boolean; close: boolean }> = {
    stationOfficer: { byId: 'read', open: true, close: false },
    stationManager: { byId: 'read', open: true, close: true },
    cyberAnalyst: { byId: 'read', open: true, close: true },
    caseInvestigator: { byId: 'hidden', open: true, close: true },
    technicalAnalyst: { byId: 'hidden', open: false, close: false },
    csirt: { byId: 'refused', open: false, close: false },
    hrTraining: { byId: 'refused', open: false, close: false },
    executive: { byId: 'refused', open: false, close: false },
    sysAdmin: { byId: 'refused', open: false, close: false },
    partner: { byId: 'refused', open: false, close: false },
  };
  const station = agents.get('stationOfficer') as Agent;
  const created = await a.app.inject({ method: 'POST', url: '/api/cases', headers: station.headers(), payload: { title: '権限表の事件' } });
  assert.equal(created.statusCode, 201, created.body);
  const { id } = created.json();
  for (const role of roles) {
    const agent = agents.get(role) as Agent;
    const e = expected[role];
    assert.equal(roleGrants[role].includes('cases.write'), e.open, `${role} opens cases`);
    assert.equal(roleGrants[role].includes('cases.close'), e.close, `${role} closes cases`);
    const res = await a.app.inject({ url: `/api/cases/${id}`, headers: agent.headers() });
    assert.equal(res.statusCode, { read: 200, hidden: 404, refused: 403 }[e.byId], `${role} GET case → ${res.statusCode}`);
    const listed = await a.app.inject({ url: '/api/cases?pageSize=100', headers: agent.headers() });
    if (e.byId === 'refused') assert.equal(listed.statusCode, 403, role);
    else
      assert.equal(
        listed.json().items.some((k: { id: string }) => k.id === id),
        e.byId === 'read',
        `${role} lists the case`,
      );
    // Editing: the owning unit and prefecture-wide writers; a reader without cases.write is refused,
    // a writer who may not read the case does not learn it exists.
    const { version } = await a.db.kysely.selectFrom('case_record').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    const edit = await a.app.inject({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      headers: agent.headers(),
      payload: { version, title: `権限表の事件（${role}）` },
    });
    const editStatus = !e.open ? 403 : e.byId === 'read' ? 200 : 404;
    assert.equal(edit.statusCode, editStatus, `${role} PATCH case → ${edit.statusCode}`);
    // Tasks follow the case: added by those who edit it, listed for those who read it.
    const task = await a.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/tasks`,
      headers: agent.headers(),
      payload: { title: `権限表の捜査事項（${role}）` },
    });
    assert.equal(task.statusCode, !e.open ? 403 : e.byId === 'read' ? 201 : 404, `${role} POST task → ${task.statusCode}`);
    const tasks = await a.app.inject({ url: `/api/cases/${id}/tasks`, headers: agent.headers() });
    assert.equal(tasks.statusCode, { read: 200, hidden: 404, refused: 403 }[e.byId], `${role} GET tasks → ${tasks.statusCode}`);
  }
});

test('a support request, for every role: read by its two units and prefecture-wide readers, accepted only by the unit asked', async () => {
  // 中央署 asks サイバー課 for support: the two units read it (and サイバー課 reads every request).
  const expected: Record<(typeof roles)[number], { read: 'read' | 'hidden' | 'refused'; accepts: boolean }> = {
    stationOfficer: { read: 'read', accepts: false },
    stationManager: { read: 'read', accepts: false },
    cyberAnalyst: { read: 'read', accepts: true },
    caseInvestigator: { read: 'hidden', accepts: false },
    technicalAnalyst: { read: 'hidden', accepts: false },
    csirt: { read: 'refused', accepts: false },
    hrTraining: { read: 'refused', accepts: false },
    executive: { read: 'refused', accepts: false },
    sysAdmin: { read: 'refused', accepts: false },
    partner: { read: 'refused', accepts: false },
  };
  const cyberUnit = await a.db.kysely.selectFrom('unit').select('id').where('code', '=', 'HQ-CYBER').executeTakeFirstOrThrow();
  const station = agents.get('stationOfficer') as Agent;
  const sent = await a.app.inject({
    method: 'POST',
    url: '/api/requests',
    headers: station.headers(),
    payload: { kind: 'support', toUnitId: cyberUnit.id, title: '権限表の支援要請', body: '権限表' },
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const { id } = sent.json();
  // Accepting is tried last by the one role that may, so every other role tries the same state.
  const order = [...roles].sort((x, y) => Number(expected[x].accepts) - Number(expected[y].accepts));
  for (const role of order) {
    const agent = agents.get(role) as Agent;
    const e = expected[role];
    const res = await a.app.inject({ url: `/api/requests/${id}`, headers: agent.headers() });
    assert.equal(res.statusCode, { read: 200, hidden: 404, refused: 403 }[e.read], `${role} GET request → ${res.statusCode}`);
    const { version } = await a.db.kysely.selectFrom('support_request').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    const accept = await a.app.inject({
      method: 'POST',
      url: `/api/requests/${id}/status`,
      headers: agent.headers(),
      payload: { to: 'accepted', version },
    });
    assert.equal(accept.statusCode, e.accepts ? 200 : e.read === 'hidden' ? 404 : 403, `${role} accepts → ${accept.statusCode}`);
  }
});

test('a letter of a station’s case, for every role: read (with its warrants) and printed within need-to-know, approved only by the station’s approver', async () => {
  const expected: Record<(typeof roles)[number], { read: 'read' | 'hidden' | 'refused'; approves: boolean }> = {
    stationOfficer: { read: 'read', approves: false }, // the drafter
    stationManager: { read: 'read', approves: true },
    cyberAnalyst: { read: 'read', approves: false }, // another unit's approver
    caseInvestigator: { read: 'hidden', approves: false },
    technicalAnalyst: { read: 'hidden', approves: false },
    csirt: { read: 'refused', approves: false },
    hrTraining: { read: 'refused', approves: false },
    executive: { read: 'refused', approves: false },
    sysAdmin: { read: 'refused', approves: false },
    partner: { read: 'refused', approves: false },
  };
  const station = agents.get('stationOfficer') as Agent;
  const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
  const opened = await post(station, '/api/cases', { title: '権限表の照会事件', category: 'fraud', modus: null });
  const caseId = opened.json().id;
  const to = await post(station, '/api/legal/recipients', { kind: 'carrier', name: '権限表通信株式会社' });
  const drafted = await post(station, `/api/cases/${caseId}/legal`, {
    kind: 'inquiry',
    recipientId: to.json().id,
    subject: '権限表',
    dueOn: null,
  });
  assert.equal(drafted.statusCode, 201, drafted.body);
  const { id } = drafted.json();
  const order = [...roles].sort((x, y) => Number(expected[x].approves) - Number(expected[y].approves));
  for (const role of order) {
    const agent = agents.get(role) as Agent;
    const e = expected[role];
    const status = { read: 200, hidden: 404, refused: 403 }[e.read];
    const list = await a.app.inject({ url: `/api/cases/${caseId}/legal`, headers: agent.headers() });
    assert.equal(list.statusCode, status, `${role} GET letters → ${list.statusCode}`);
    const warrants = await a.app.inject({ url: `/api/cases/${caseId}/warrants`, headers: agent.headers() });
    assert.equal(warrants.statusCode, status, `${role} GET warrants → ${warrants.statusCode}`);
    const pdf = await a.app.inject({ url: `/api/cases/${caseId}/legal/${id}/letter`, headers: agent.headers() });
    assert.equal(pdf.statusCode, status, `${role} GET letter PDF → ${pdf.statusCode}`);
    const approve = await post(agent, `/api/cases/${caseId}/legal/${id}/transition`, { to: 'approved', version: 1 });
    assert.equal(approve.statusCode, e.approves ? 200 : e.read === 'hidden' ? 404 : 403, `${role} approves → ${approve.statusCode}`);
  }
});
