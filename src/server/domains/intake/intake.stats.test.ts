import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { monthSplit } from './intake.stats.js';

/**
 * Statistics are summed from counts kept by triggers for whole months and counted live for the
 * rest; whatever the mix, they must equal what the caller can list. Each figure is checked
 * against a count of the list's own rows under the same filters.
 */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;
let cyber: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  cyber = await loginAs(a.app, 'cyber.watanabe');
});
after(() => a.close());

const post = (agent: Agent, url: string, payload: object, method: 'POST' | 'PATCH' = 'POST') =>
  a.app.inject({ method, url, headers: agent.headers(), payload });
const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });

type Counts = { total: number; byUnit: Record<string, number>; byCategory: Record<string, number>; byModus: Record<string, number> };
const tally = (xs: { k: string; n: number }[]) => Object.fromEntries(xs.filter((x) => x.n > 0).map((x) => [x.k, x.n]));

async function fromStats(agent: Agent, qs: string): Promise<Counts> {
  const r = await get(agent, `/api/intake/stats?${qs}`);
  assert.equal(r.statusCode, 200, r.body);
  const s = r.json();
  return {
    total: s.total,
    byUnit: tally(s.byUnit.map((u: { unitId: string; n: number }) => ({ k: u.unitId, n: u.n }))),
    byCategory: tally(s.byCategory.map((c: { category: string; n: number }) => ({ k: c.category, n: c.n }))),
    byModus: tally(s.byModus.map((m: { modus: string; n: number }) => ({ k: m.modus, n: m.n }))),
  };
}

async function fromList(agent: Agent, qs: string): Promise<Counts> {
  const items: { owningUnitId: string; category: string; modus: string }[] = [];
  for (let page = 1; ; page++) {
    const r = await get(agent, `/api/intake/consultations?${qs}&pageSize=200&page=${page}`);
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    items.push(...body.items);
    if (body.items.length < 200) break;
  }
  const count = (key: (i: (typeof items)[number]) => string) => {
    const m: Record<string, number> = {};
    for (const i of items) m[key(i)] = (m[key(i)] ?? 0) + 1;
    return m;
  };
  return {
    total: items.length,
    byUnit: count((i) => i.owningUnitId),
    byCategory: count((i) => i.category),
    byModus: count((i) => i.modus),
  };
}

test('months split into whole months for the kept counts and partial ranges counted live', () => {
  assert.deepEqual(monthSplit('2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z'), { full: { from: '2026-03', to: '2026-06' }, partial: [] });
  assert.deepEqual(monthSplit('2026-03-15T00:00:00Z', '2026-06-10T00:00:00Z'), {
    full: { from: '2026-04', to: '2026-06' },
    partial: [
      ['2026-03-15T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-06-01T00:00:00.000Z', '2026-06-10T00:00:00.000Z'],
    ],
  });
  assert.deepEqual(monthSplit('2026-03-05T00:00:00Z', '2026-03-20T00:00:00Z'), {
    full: null,
    partial: [['2026-03-05T00:00:00.000Z', '2026-03-20T00:00:00.000Z']],
  });
  assert.deepEqual(monthSplit('2026-12-10T00:00:00Z', undefined), {
    full: { from: '2027-01', to: null },
    partial: [['2026-12-10T00:00:00.000Z', '2027-01-01T00:00:00.000Z']],
  });
  assert.deepEqual(monthSplit(undefined, undefined), { full: { from: null, to: null }, partial: [] });
});

test('statistics equal the list under every filter, for a station, a unit it shares with and the cyber division, after edits', async () => {
  // Records over several months, two stations, several categories and 手口.
  const made: { agent: Agent; id: string; version: number }[] = [];
  const plan: [Agent, string, string, string][] = [
    [chuo, '2026-01-10T01:00:00Z', 'fraud', 'supportScam'],
    [chuo, '2026-01-31T23:30:00Z', 'fraud', 'phishing'],
    [chuo, '2026-02-01T00:10:00Z', 'spam', 'phishing'],
    [chuo, '2026-03-15T03:00:00Z', 'intrusion', 'supportScam'],
    [chuo, '2026-04-02T05:00:00Z', 'fraud', 'oreore'],
    [ishinomaki, '2026-01-20T02:00:00Z', 'fraud', 'supportScam'],
    [ishinomaki, '2026-02-14T02:00:00Z', 'defamation', 'supportScam'],
    [ishinomaki, '2026-03-31T14:59:00Z', 'fraud', 'phishing'],
  ];
  for (const [agent, receivedAt, category, modus] of plan) {
    const r = await post(agent, '/api/intake/consultations', consultationInput({ receivedAt, category, modus }));
    assert.equal(r.statusCode, 201, r.body);
    made.push({ agent, id: r.json().id, version: r.json().version ?? 1 });
  }
  // An edit moves a record to another category and 手口: the kept counts must follow it.
  const moved = made[3] as (typeof made)[number];
  const cur = (await get(chuo, `/api/intake/consultations/${moved.id}`)).json();
  const edit = await post(
    chuo,
    `/api/intake/consultations/${moved.id}`,
    { version: cur.version, category: 'fraud', modus: 'phishing' },
    'PATCH',
  );
  assert.equal(edit.statusCode, 200, edit.body);
  // One of ishinomaki's records is shared with chuo: chuo counts it too.
  const shared = made[6] as (typeof made)[number];
  const share = await post(cyber, `/api/intake/consultations/${shared.id}/share`, {
    unitId: chuo.info.user.unit.id,
    reason: '同種事案の確認',
  });
  assert.equal(share.statusCode, 200, share.body);

  const filters = [
    '',
    'from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z',
    'from=2026-01-15T00:00:00Z&to=2026-03-20T00:00:00Z',
    'from=2026-02-01T00:00:00Z',
    'to=2026-02-01T00:00:00Z',
    'category=fraud',
    'modus=phishing&from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    `unitId=${ishinomaki.info.user.unit.id}`,
    'status=received',
  ];
  for (const agent of [chuo, ishinomaki, cyber]) {
    for (const qs of filters) {
      assert.deepEqual(await fromStats(agent, qs), await fromList(agent, qs), qs);
    }
  }
  const chuoAll = await fromStats(chuo, 'from=2026-01-01T00:00:00Z&to=2026-05-01T00:00:00Z');
  assert.equal(chuoAll.byUnit[ishinomaki.info.user.unit.id], 1, 'the one record shared with chuo, and no other of ishinomaki');
});
