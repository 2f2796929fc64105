import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';

/** The complainant's and victim's own identifiers: masked in exports, never treated as offender data. */
let a: TestApp;
let chuo: Agent;
let ishinomaki: Agent;

before(async () => {
  a = await testApp();
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
});
after(() => a.close());

const victim = {
  type: 'individual',
  name: '青葉 花子',
  address: '宮城県仙台市青葉区本町3-8-1',
  phone: '022-211-1111',
  ageGroup: 'senior',
  bank: { bankCode: '0005', branchCode: '314', accountType: '1', accountNumber: '1234567' },
};
const base = {
  kind: 'consultation',
  channel: 'visit',
  category: 'fraud',
  modus: 'supportScam',
  contactMethods: ['webAd'],
  complainant: victim,
  victimSameAsComplainant: true,
  summary: '被害者の識別子',
  narrative:
    '相談者の青葉花子さん（本町3-8-1 在住、自宅 ０２２－２１１－１１１１）が、表示された 050-3000-4444 に電話し、' +
    '三菱UFJ銀行 仙台支店 普通 1234567 から 0001-001-1-7654321 へ振り込んだ。青葉 花子さんは高齢。',
};
const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });

test('exports mask the complainant’s name, address, phone and account where the narrative writes them again', async () => {
  const r = await post(chuo, '/api/intake/consultations', base);
  assert.equal(r.statusCode, 201, r.body);
  const csv = (await a.app.inject({ url: '/api/intake/export?format=csv', headers: chuo.headers() })).rawPayload.toString('utf8');
  const xlsx = await a.app.inject({ url: '/api/intake/export?format=xlsx', headers: chuo.headers() });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet: string[] = [];
  wb.getWorksheet('相談等一覧')?.eachRow((row) => {
    sheet.push(JSON.stringify(row.values));
  });
  for (const text of [csv, sheet.join('\n')]) {
    assert.ok(text.includes('050-3000-4444'), 'the fraudster’s number stays');
    assert.ok(text.includes('0001-001-1-7654321'), 'the destination account stays');
    for (const personal of ['青葉花子', '青葉 花子', '花子', '本町3-8-1', '２１１', '211-1111', '1234567'])
      assert.ok(!text.includes(personal), `${personal} is masked`);
  }
});

test('the complainant’s own phone and account in the narrative are theirs: never looked up, correlated or escalated on', async () => {
  const quiet = { ...base, category: 'other', modus: 'other', contactMethods: [], summary: '自分の番号' };
  const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
  const first = await post(chuo, '/api/intake/consultations', {
    ...quiet,
    narrative: '自宅 022-211-1111 に不審な電話。口座 三菱UFJ銀行 仙台支店 普通 1234567 の残高を聞かれた。相手は 050-3111-2222。',
  });
  const d1 = (await get(chuo, `/api/intake/consultations/${first.json().id}`)).json();
  const roles = Object.fromEntries(d1.indicators.map((i: { value: string; role: string }) => [i.value, i.role]));
  assert.deepEqual(roles, { '+81222111111': 'victim', '0005-314-1-1234567': 'victim', '+815031112222': 'unknown' });
  // The same complainant at another station, writing their own number again: no match, no escalation.
  const again = await post(ishinomaki, '/api/intake/consultations', {
    ...quiet,
    narrative: '以前にも相談した。自宅 022-211-1111、口座 三菱UFJ銀行 仙台支店 普通 1234567。',
  });
  const d2 = (await get(ishinomaki, `/api/intake/consultations/${again.json().id}`)).json();
  assert.equal(d2.escalation, 'none', 'the victim’s own values trigger no 他の記録と一致');
  assert.deepEqual(d2.related, []);
  const cluster = (await get(ishinomaki, `/api/records/consultation/${again.json().id}/cluster`)).json();
  assert.equal(cluster.clusterId, null, 'no cluster through the victim’s values');
  // Not enumerable or looked up as an indicator, by anyone.
  const cyber = await loginAs(a.app, 'cyber.watanabe');
  const phone = d1.indicators.find((i: { value: string }) => i.value === '+81222111111');
  assert.equal((await get(cyber, `/api/indicators/${phone.id}`)).statusCode, 404);
  const looked = (await get(cyber, '/api/indicators/lookup?type=phone&value=022-211-1111')).json();
  assert.equal(looked.items[0].indicator, null);
  // A value the offender used links as before (the control).
  const offender = await post(ishinomaki, '/api/intake/consultations', { ...quiet, narrative: '050-3111-2222 から電話があった。' });
  const d3 = (await get(ishinomaki, `/api/intake/consultations/${offender.json().id}`)).json();
  assert.equal(d3.escalation, 'pending');
  // The live preview marks the complainant's own values, and relates only the others.
  const pv = (
    await post(chuo, '/api/intake/preview', {
      narrative: '連絡先 022-211-1111、相手 050-3111-2222',
      complainant: { phone: '022-211-1111' },
    })
  ).json();
  assert.deepEqual(
    pv.hits.map((h: { value: string; role: string }) => [h.value, h.role]),
    [
      ['+81222111111', 'victim'],
      ['+815031112222', 'unknown'],
    ],
  );
  assert.deepEqual(
    pv.related.map((r: { value: string }) => r.value),
    ['+815031112222'],
  );
});
