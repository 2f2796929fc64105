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
