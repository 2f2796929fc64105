import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { escalationState, intakeCategory, intakeStatus, listSortKeys } from '../../../contracts/intake.contracts.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

/** The list sorted by a column, on the server, across every part of what a station may read. */
let a: TestApp;
let chuo: Agent;
let modusOrder: string[];
/** The records made here (the demo organisation has records of its own). */
const mine = new Set<string>();

type Item = {
  id: string;
  refNo: string;
  receivedAt: string;
  category: string;
  modus: string;
  status: string;
  escalation: string;
  damageAmount: number | null;
};

const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const create = async (agent: Agent, overrides: Record<string, unknown>) => {
  const r = await post(agent, '/api/intake/consultations', consultationInput(overrides));
  assert.equal(r.statusCode, 201, r.body);
  mine.add(r.json().id);
  return r.json().id as string;
};
const list = async (query: string): Promise<Item[]> => {
  const r = await a.app.inject({ url: `/api/intake/consultations?pageSize=200&${query}`, headers: chuo.headers() });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items;
};

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  const ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  const cyber = await loginAs(a.app, 'cyber.watanabe');
  // 中央署's own records, and one of 石巻署's shared with 中央署: the list merges two parts.
  await create(chuo, { receivedAt: '2026-03-01T01:00:00.000Z', category: 'spam', modus: 'phishing', damageAmount: 30_000 });
  await create(chuo, { receivedAt: '2026-01-15T01:00:00.000Z', category: 'fraud', damageAmount: null });
  await create(chuo, { receivedAt: '2026-02-10T01:00:00.000Z', category: 'other', damageAmount: 5_000 });
  await create(chuo, { receivedAt: '2026-02-10T01:00:00.000Z', category: 'defamation', damageAmount: 5_000 });
  const shared = await create(ishinomaki, { receivedAt: '2026-02-20T01:00:00.000Z', category: 'intrusion', damageAmount: 900_000 });
  const share = await post(cyber, `/api/intake/consultations/${shared}/share`, {
    unitId: chuo.info.user.unit.id,
    reason: '同種事案の確認',
  });
  assert.equal(share.statusCode, 200, share.body);
  const modus = await a.app.inject({ url: '/api/intake/modus', headers: chuo.headers() });
  modusOrder = modus.json().items.map((m: { code: string }) => m.code);
});
after(() => a.close());

/** How each column compares, as a person reads it: lists in the form's order, blanks last. */
const rankIn = (keys: readonly string[]) => (value: string) => (keys.includes(value) ? keys.indexOf(value) : keys.length);
const keyOf: Record<(typeof listSortKeys)[number], (i: Item) => string | number | null> = {
  receivedAt: (i) => i.receivedAt,
  refNo: (i) => i.refNo,
  category: (i) => rankIn(intakeCategory.keys)(i.category),
  modus: (i) => rankIn(modusOrder)(i.modus),
  status: (i) => rankIn(intakeStatus.keys)(i.status),
  escalation: (i) => rankIn(escalationState.keys)(i.escalation),
  damageAmount: (i) => i.damageAmount,
};

for (const key of listSortKeys) {
  for (const order of ['asc', 'desc'] as const) {
    test(`sorted by ${key} ${order}, every page in order and blanks last`, async () => {
      const items = await list(`sort=${key}&order=${order}`);
      assert.ok(items.length >= 5, 'the shared record is in the list too');
      const values = items.map(keyOf[key]);
      for (let i = 1; i < values.length; i++) {
        const [x, y] = [values[i - 1] ?? null, values[i] ?? null];
        if (y === null) continue;
        assert.notEqual(x, null, `a blank before a value at ${i}: ${JSON.stringify(values)}`);
        // Each column's values are all numbers or all strings.
        const [a, b] = [x as string | number, y] as [string, string];
        assert.ok(order === 'asc' ? a <= b : a >= b, `${key} ${order} at ${i}: ${JSON.stringify(values)}`);
      }
      // Paged two at a time, the pages join into the same list: the tiebreak keeps rows from
      // repeating or going missing between pages.
      const paged: string[] = [];
      for (let page = 1; paged.length < items.length; page++) {
        const r = await a.app.inject({
          url: `/api/intake/consultations?pageSize=2&page=${page}&sort=${key}&order=${order}`,
          headers: chuo.headers(),
        });
        const got = r.json().items.map((i: Item) => i.id);
        assert.ok(got.length > 0, `page ${page} is empty`);
        paged.push(...got);
      }
      assert.deepEqual(
        paged,
        items.map((i) => i.id),
      );
    });
  }
}

test('the columns with distinct values here are really reordered (not left in the default order)', async () => {
  const own = async (query: string) => (await list(query)).filter((i) => mine.has(i.id));
  assert.deepEqual(
    (await own('sort=damageAmount&order=desc')).map((i) => i.damageAmount),
    [900_000, 30_000, 5_000, 5_000, null],
  );
  assert.deepEqual(
    (await own('sort=category&order=asc')).map((i) => i.category),
    ['fraud', 'defamation', 'intrusion', 'spam', 'other'],
  );
  assert.deepEqual(
    (await own('sort=receivedAt&order=asc')).map((i) => i.receivedAt.slice(0, 10)),
    ['2026-01-15', '2026-02-10', '2026-02-10', '2026-02-20', '2026-03-01'],
  );
  assert.deepEqual(
    (await list('')).map((i) => i.id),
    (await list('sort=receivedAt&order=desc')).map((i) => i.id),
    'no sort is newest received first',
  );
});

test('a keyword search can be sorted too', async () => {
  const found = await list(`q=${encodeURIComponent('サポート詐欺')}&sort=damageAmount&order=asc`);
  assert.deepEqual(
    found.filter((i) => mine.has(i.id)).map((i) => i.damageAmount),
    [5_000, 5_000, 30_000, 900_000, null],
  );
  const amounts = found.map((i) => i.damageAmount).filter((n) => n !== null);
  assert.deepEqual(
    amounts,
    [...amounts].sort((x, y) => x - y),
  );
});

test('a column not on the list, or an unknown direction, is refused with a message in Japanese', async () => {
  for (const query of ['sort=narrative', 'sort=complainant_name_enc', 'sort=receivedAt&order=sideways']) {
    const r = await a.app.inject({ url: `/api/intake/consultations?${query}`, headers: chuo.headers() });
    assert.equal(r.statusCode, 400, query);
    const { error } = r.json();
    assert.match(error.code, /^[a-z]+\.[a-z_]+$/);
    assert.match(error.message, /[ぁ-んァ-ン一-龥]/);
    assert.match(error.details[0].message, /並べ替え/);
  }
});

test('each row names its unit in both languages, so the English screen shows the English name', async () => {
  const rows = (await list('')) as (Item & { owningUnitName: string; owningUnitNameEn: string })[];
  const own = rows.find((i) => mine.has(i.id) && i.owningUnitName === chuo.info.user.unit.name);
  assert.ok(chuo.info.user.unit.nameEn);
  assert.equal(own?.owningUnitNameEn, chuo.info.user.unit.nameEn);
  assert.notEqual(own?.owningUnitNameEn, own?.owningUnitName);
});
