import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { ownerTag } from '../../core/access/access.filter.js';
import { withTx } from '../../core/db/db.tx.js';
import { indexText } from '../../core/search/search.index.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { reindexStale, SEARCH_INDEX, searchDoc } from './intake.repository.js';

/** Search finds what officers mean: category and 手口 labels, and any way of typing a value. */
let a: TestApp;
let chuo: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
});
after(() => a.close());

const create = async (overrides: Record<string, unknown>) => {
  const r = await a.app.inject({
    method: 'POST',
    url: '/api/intake/consultations',
    headers: chuo.headers(),
    payload: consultationInput(overrides),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
};
const found = async (q: string): Promise<string[]> => {
  const r = await a.app.inject({ url: `/api/intake/consultations?q=${encodeURIComponent(q)}&pageSize=100`, headers: chuo.headers() });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items.map((i: { id: string }) => i.id);
};

test('「詐欺」 and a 手口 name find records classified so, though their text never says it', async () => {
  const id = await create({
    category: 'fraud',
    modus: 'phishing',
    summary: '宅配業者を名乗るSMS',
    narrative: '不在通知のSMSが届き、リンク先でカード番号を入力した。',
  });
  assert.ok((await found('詐欺')).includes(id));
  assert.ok((await found('フィッシング')).includes(id));
  assert.ok(!(await found('名誉毀損')).includes(id));
});

test('a phone number is found however it is typed', async () => {
  const hyphenated = await create({ summary: '架電先の番号', narrative: '警告画面に表示された 090-1234-5678 に電話した。' });
  const bare = await create({ summary: '着信', narrative: '電話番号09087654321から着信があった。' });
  for (const q of ['09012345678', '090-1234-5678', '０９０－１２３４－５６７８', '+81 90 1234 5678', '+81-90-1234-5678', '090 1234 5678']) {
    assert.ok((await found(q)).includes(hyphenated), `${q} finds 090-1234-5678`);
  }
  for (const q of ['090-8765-4321', '09087654321', '+819087654321']) assert.ok((await found(q)).includes(bare), `${q} finds 09087654321`);
  assert.ok(!(await found('090-1234-5679')).includes(hyphenated), 'another number does not');
});

test('an account is found by its number with or without the bank, and by its canonical form', async () => {
  const id = await create({
    summary: '振込先口座',
    narrative: '指示されたとおり 三菱UFJ銀行 新宿支店 普通 7654321 ヤマダタロウ に振り込んだ。',
  });
  const detail = (await a.app.inject({ url: `/api/intake/consultations/${id}`, headers: chuo.headers() })).json();
  const account = detail.indicators.find((i: { type: string }) => i.type === 'bankAccount');
  assert.ok(account, 'the account was extracted');
  assert.equal(account.attributes.bankName, '三菱ＵＦＪ');
  for (const q of ['7654321', '三菱UFJ銀行 7654321', '三菱ＵＦＪ銀行 新宿支店 7654321', account.value as string]) {
    assert.ok((await found(q)).includes(id), `${q} finds the record`);
  }
});

test('a URL is found with or without its scheme, defanged or not, and an IDN host by its Unicode name', async () => {
  const plain = await create({
    summary: '偽サイト',
    narrative: '偽の通販サイト https://cheap-brand.example.com/shop/item?id=7 で注文した。',
  });
  const defanged = await create({ summary: '無害化URL', narrative: 'SMSのリンク hxxps://parcel-check[.]example[.]net/login を開いた。' });
  const idn = await create({ summary: 'IDN', narrative: '偽サイト https://xn--wgv71a119e.jp/ を見た。' });
  for (const q of ['https://cheap-brand.example.com/shop', 'cheap-brand.example.com', 'hxxps://cheap-brand[.]example[.]com/shop/item']) {
    assert.ok((await found(q)).includes(plain), `${q} finds the plain URL`);
  }
  for (const q of ['https://parcel-check.example.net/login', 'parcel-check.example.net', 'hxxps://parcel-check[.]example[.]net']) {
    assert.ok((await found(q)).includes(defanged), `${q} finds the defanged URL`);
  }
  assert.ok((await found('日本語.jp')).includes(idn), 'the Unicode name finds it');
  assert.ok((await found('xn--wgv71a119e.jp')).includes(idn), 'the punycode form finds it');
});

test('records indexed before the written forms were added are re-indexed after start-up', async () => {
  const id = await create({ summary: '古い記録', category: 'fraud', narrative: '請求の電話 090-2222-3333 があった。' });
  // As migration 0012 finds a record indexed by an earlier version: its text only, version 0.
  await withTx(a.db, async (tx) => {
    const c = await tx.kysely.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await indexText(tx, SEARCH_INDEX, Number(c.seq), searchDoc(c), [ownerTag(c.owning_unit_id)]);
    await sql`update consultation set search_version = 0 where id = ${id}`.execute(tx.kysely);
  });
  assert.ok(!(await found('09022223333')).includes(id), 'the old index knows only the text');
  assert.ok((await reindexStale(a.db)) >= 1);
  assert.ok((await found('09022223333')).includes(id));
  assert.ok((await found('詐欺')).includes(id));
  assert.equal(await reindexStale(a.db), 0, 'nothing is left to re-index');
});
