import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

/** An officer sets a value's role in its record (相手方 / 相談者側 / 不明); correlation follows it. */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
});
after(() => a.close());

const quiet = { category: 'other', modus: 'other', contactMethods: [] };
const create = async (agent: Agent, overrides: Record<string, unknown>) => {
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/intake/consultations',
    headers: agent.headers(),
    payload: consultationInput({ ...quiet, ...overrides }),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
};
const detail = async (agent: Agent, id: string) =>
  (await a.app.inject({ url: `/api/intake/consultations/${id}`, headers: agent.headers() })).json();
const roles = (d: { indicators: { value: string; role: string }[] }) => Object.fromEntries(d.indicators.map((i) => [i.value, i.role]));

test('the role chosen in the form is stored; a value not chosen keeps the role the party fields give it', async () => {
  const id = await create(chuo, {
    summary: '役割の指定',
    narrative: '自宅 022-211-1111 に、050-3222-4444 の者から電話。折り返し先は 050-3222-5555。',
    indicatorRoles: [{ type: 'phone', value: '+815032224444', role: 'offender' }],
  });
  assert.deepEqual(roles(await detail(chuo, id)), { '+81222111111': 'victim', '+815032224444': 'offender', '+815032225555': 'unknown' });
});

test('marking a value the complainant’s own in the record detail unlinks it from other records, audited', async () => {
  const mine = await create(chuo, { summary: '相談者の携帯', narrative: '連絡先は 090-4111-2222 とのこと。' });
  const other = await create(ishinomaki, { summary: '別署の相談', narrative: '090-4111-2222 から不審な電話。' });
  const before = await detail(ishinomaki, other);
  assert.equal(before.related.length, 1, 'the shared value relates the two records');
  assert.equal((await a.app.inject({ url: `/api/records/consultation/${other}/cluster`, headers: ishinomaki.headers() })).json().hidden, 1);

  const d = await detail(chuo, mine);
  const r = await a.app.inject({
    method: 'PATCH',
    url: `/api/intake/consultations/${mine}`,
    headers: chuo.headers(),
    payload: { version: d.version, indicatorRoles: [{ type: 'phone', value: '+819041112222', role: 'victim' }] },
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(roles(await detail(chuo, mine)), { '+819041112222': 'victim' });
  assert.deepEqual((await detail(ishinomaki, other)).related, [], 'the victim’s value relates the record to no one');
  const cluster = (await a.app.inject({ url: `/api/records/consultation/${other}/cluster`, headers: ishinomaki.headers() })).json();
  assert.equal(cluster.clusterId, null, 'the two records no longer form a cluster');
  const events = await a.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'detail'])
    .where('target_id', '=', mine)
    .where('action', '=', 'intake.consultation.update')
    .execute();
  assert.equal(events.length, 1);
  assert.match(String(events[0]?.detail), /indicatorRoles/);

  // And back: 相手方 links it again.
  const d2 = await detail(chuo, mine);
  await a.app.inject({
    method: 'PATCH',
    url: `/api/intake/consultations/${mine}`,
    headers: chuo.headers(),
    payload: { version: d2.version, indicatorRoles: [{ type: 'phone', value: '+819041112222', role: 'offender' }] },
  });
  assert.equal((await detail(ishinomaki, other)).related.length, 1);
});

test('an officer finds a bank and a branch by the name a passbook shows', async () => {
  const get = (url: string) => a.app.inject({ url, headers: chuo.headers() });
  const banks = (await get(`/api/intake/banks?q=${encodeURIComponent('七十七')}`)).json();
  assert.deepEqual(banks.items[0], { code: '0125', name: '七十七銀行', kana: banks.items[0].kana });
  const kana = (await get(`/api/intake/banks?q=${encodeURIComponent('ミツビシ')}`)).json();
  assert.ok(kana.items.some((b: { code: string; name: string }) => b.code === '0005' && b.name === '三菱UFJ銀行'));
  const branches = (await get(`/api/intake/banks/0125/branches?q=${encodeURIComponent('本店')}`)).json();
  assert.ok(
    branches.items.some((b: { name: string }) => b.name === '本店営業部'),
    JSON.stringify(branches.items.slice(0, 3)),
  );
  assert.equal((await get('/api/intake/banks/12/branches?q=x')).statusCode, 400);
  const station = await loginAs(a.app, 'exec.yamada');
  assert.equal((await a.app.inject({ url: '/api/intake/banks?q=x', headers: station.headers() })).statusCode, 403);
});
