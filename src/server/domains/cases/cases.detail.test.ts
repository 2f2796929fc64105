import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { recordTypesOf } from '../../core/module/module.compose.js';
import { createRecordTypes } from '../../core/module/module.records.js';
import { modules } from '../../modules.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { accountPrincipal } from '../auth/index.js';
import { warningListsKey } from '../indicators/index.js';
import { findAccount } from '../org/index.js';
import { caseDetail } from './cases.read.js';
import type { CasesDeps } from './cases.usecases.js';

let a: TestApp;
let lead: Agent; // 中央署 佐藤

before(async () => {
  a = await testApp();
  lead = await loginAs(a.app, 'chuo.sato');
});
after(() => a.close());

const post = async (url: string, payload: object) => {
  const r = await a.app.inject({ method: 'POST', url, headers: lead.headers(), payload });
  assert.ok(r.statusCode < 300, `${url}: ${r.body}`);
  return r.json();
};
const userIds = async (loginIds: string[]) =>
  (await a.db.kysely.selectFrom('app_user').select('id').where('login_id', 'in', loginIds).execute()).map((u) => u.id);

/**
 * A case with `n` of everything its detail shows: consultations, tasks, team members, notes,
 * requests. Its values are its own, so no case of this file relates to another.
 */
async function caseWith(n: number): Promise<string> {
  const consultationIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await post('/api/intake/consultations', consultationInput({ summary: `相談 ${i}`, damageAmount: 10_000 * (i + 1) }));
    consultationIds.push(c.id);
  }
  const k = await post('/api/cases', {
    title: `${n} 件ずつの事件`,
    category: 'fraud',
    modus: null,
    narrative: `被疑者の番号 090-2233-44${String(n).padStart(2, '0')}。`,
    consultationIds,
  });
  const members = await userIds([
    'seikei.nakamura',
    'kaiseki.kobayashi',
    'cyber.watanabe',
    'cyber.yamamoto',
    'ishinomaki.suzuki',
    'chuo.kacho',
  ]);
  const cyber = (await a.db.kysely.selectFrom('unit').select('id').where('code', '=', 'HQ-CYBER').executeTakeFirstOrThrow()).id;
  for (let i = 0; i < n; i++) {
    await post(`/api/cases/${k.id}/tasks`, { title: `捜査事項 ${i}`, dueOn: null });
    await post(`/api/cases/${k.id}/notes`, { text: `捜査メモ ${i}：口座 0005-123-1-${String(1_000_000 + n * 100 + i)}` });
    await post('/api/requests', {
      kind: 'support',
      toUnitId: cyber,
      caseId: k.id,
      title: `支援要請 ${i}`,
      body: '解析の支援を依頼します。',
    });
    const m = members[i % members.length];
    if (i < 5 && m)
      await a.app.inject({ method: 'POST', url: `/api/cases/${k.id}/members`, headers: lead.headers(), payload: { userId: m } });
  }
  return k.id;
}

test('opening a case makes the same number of queries whether it holds one of everything or ten', async () => {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const db = { ...a.db, kysely: a.db.kysely.withPlugin(counter) };
  const deps: CasesDeps = {
    db,
    warnings: a.ctx.services.get(warningListsKey),
    commonThreshold: a.config.commonThreshold,
    labelRecords: createRecordTypes(db, recordTypesOf(modules)).label,
  };
  const account = await findAccount(a.db.kysely, { loginId: 'chuo.sato' });
  assert.ok(account);
  const principal = accountPrincipal(account);
  const count = async (id: string) => {
    queries = 0;
    const d = await caseDetail(deps, principal, id);
    return { queries, d };
  };
  const small = await count(await caseWith(1));
  const large = await count(await caseWith(10));
  assert.equal(large.d.tasks.length, 10);
  assert.equal(large.d.requests.length, 10);
  assert.ok(large.d.members.length >= 4, 'officers of other units on the team');
  assert.equal(large.d.consultations.length, 10);
  assert.ok(large.d.timeline.filter((e) => e.kind === 'note').length === 10);
  assert.deepEqual(large.d.damage, { total: 550_000, counted: 10 });
  assert.equal(large.queries, small.queries, `${large.queries} queries for ten of everything, ${small.queries} for one`);
  assert.ok(large.queries <= 30, `a bounded number of queries (${large.queries})`);
});
