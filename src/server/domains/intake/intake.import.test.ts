import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { isAppError } from '../../core/errors/app-error.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { decodeCsv, parseCsv, rowToInput, suggestMapping, unclosedQuoteLine } from './intake.import.js';

let a: TestApp;
let manager: Agent;
let officer: Agent;
let ishinomaki: Agent;
before(async () => {
  a = await testApp();
  manager = await loginAs(a.app, 'chuo.kacho');
  officer = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
});
after(() => a.close());

const register = [
  '受理日時,種別,受理方法,分類,手口,件名,相談内容,被害額,相談者氏名,相談者電話番号,処理区分',
  '2025/04/01 10:30,相談,電話,詐欺・悪質商法関係等,フィッシング,宅配業者を装うSMS,"「不在通知」のSMSのURL https://sagawa-kx.top/ を開きカード情報を入力した",32000,宮城 太郎,090-1111-2222,教示・助言',
  '2025/04/02,通報,来署,不正アクセス・ウイルス関係,不正アクセス,SNSアカウント乗っ取り,インスタグラムのアカウントにログインできなくなった,,仙台 花子,022-333-4444,防犯指導',
  '2025/04/03 09:00,情報提供,オンライン窓口,違法有害サイト関係,違法・有害情報,闇バイト募集の投稿,"X で「高収入、即日」と募集する投稿を見つけた",,,,',
].join('\r\n');

const post = (agent: Agent, url: string, payload: object) => a.app.inject({ method: 'POST', url, headers: agent.headers(), payload });
const b64 = (buf: Buffer) => buf.toString('base64');

test('a Shift_JIS register is previewed with a suggested mapping and imported whole', async () => {
  const sjis = iconv.encode(register, 'cp932');
  const pv = await post(manager, '/api/intake/import/preview', { content: b64(sjis) });
  assert.equal(pv.statusCode, 200, pv.body);
  const p = pv.json();
  assert.equal(p.encoding, 'shift_jis');
  assert.equal(p.rows, 3);
  assert.equal(p.mapping.相談内容, 'narrative');
  assert.equal(p.mapping.相談者電話番号, 'complainantPhone');
  const r = await post(manager, '/api/intake/import', { content: b64(sjis), mapping: p.mapping });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().imported, 3);
  const list = (
    await a.app.inject({ url: `/api/intake/consultations?q=${encodeURIComponent('乗っ取り')}`, headers: manager.headers() })
  ).json();
  assert.equal(list.total, 1);
  assert.equal(list.items[0].complainantName, '仙＊ ＊＊');
  assert.equal(list.items[0].receivedAt, '2025-04-01T15:00:00.000Z');
  const phish = (
    await a.app.inject({ url: `/api/intake/consultations?q=${encodeURIComponent('不在通知')}`, headers: manager.headers() })
  ).json();
  const d = (await a.app.inject({ url: `/api/intake/consultations/${phish.items[0].id}`, headers: manager.headers() })).json();
  assert.equal(d.disposition, 'advice');
  assert.equal(d.escalation, 'none', 'imports do not flood サイバー課 with escalations');
  assert.ok(d.indicators.some((i: { value: string }) => i.value === 'https://sagawa-kx.top/'));
});

test('one bad row stops the whole import, naming the row and field; skipping imports the rest', async () => {
  const bad = `${register.split('\r\n').slice(0, 2).join('\r\n')}\r\n2025/04/05,相談,電話,存在しない分類,フィッシング,誤り,内容,-500,,,\r\n`;
  const mapping = suggestMapping(bad.split('\r\n')[0]?.split(',') ?? []);
  const before = (await a.db.kysely.selectFrom('consultation').select('id').execute()).length;
  const r = await post(manager, '/api/intake/import', { content: b64(Buffer.from(bad)), mapping });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'intake.import_invalid');
  const paths = r.json().error.details.map((x: { path: string }) => x.path);
  assert.ok(paths.includes('3行目.category'), paths.join());
  const catMsg = r.json().error.details.find((x: { path: string }) => x.path === '3行目.category').message;
  assert.match(catMsg, /「存在しない分類」は選択できません/, 'the officer\u2019s own value, in Japanese');
  assert.ok(paths.includes('3行目.damageAmount'), paths.join());
  assert.equal((await a.db.kysely.selectFrom('consultation').select('id').execute()).length, before, 'nothing half-imported');
  const skip = await post(manager, '/api/intake/import', { content: b64(Buffer.from(bad)), mapping, skipInvalid: true });
  assert.equal(skip.statusCode, 200);
  assert.deepEqual([skip.json().imported, skip.json().skipped], [1, 1]);
});

test('broken quoting and undecodable bytes get clear errors; officers without the permission get 403', async () => {
  const broken = await post(manager, '/api/intake/import/preview', {
    content: b64(Buffer.from('件名,相談内容\r\n"閉じていない,内容\r\n')),
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().error.code, 'intake.csv_malformed');
  // The quote opens on line 2 of five; the error names line 2, where the officer must look.
  const late = await post(manager, '/api/intake/import/preview', {
    content: b64(Buffer.from('件名,相談内容\r\n"閉じていない,内容\r\n次の行,本文\r\n三行目,本文\r\n最後,本文\r\n')),
  });
  assert.equal(late.json().error.details[0].path, '2行目');
  assert.match(late.json().error.message, /2/);
  assert.equal(unclosedQuoteLine('a,b\n"x ""y"" z",1\n"open,2\n3,4\n'), 3, 'escaped quotes do not open a field');
  assert.equal(unclosedQuoteLine('a,b\n"x",1\n'), undefined);
  const binary = await post(manager, '/api/intake/import/preview', {
    content: b64(Buffer.from([0x82, 0xff, 0x80, 0xfd, 0x0a, 0x85, 0xff])),
  });
  assert.equal(binary.statusCode, 400);
  assert.equal(binary.json().error.code, 'intake.csv_encoding');
  assert.equal((await post(officer, '/api/intake/import/preview', { content: b64(Buffer.from(register)) })).statusCode, 403);
});

test('CSV and XLSX export what the caller may read, masked, with the export audited', async () => {
  await post(officer, '/api/intake/consultations', {
    kind: 'consultation',
    channel: 'visit',
    category: 'other',
    modus: 'other',
    complainant: { type: 'individual', name: '=HYPERLINK("x")' },
    summary: '出力の確認',
    narrative: '出力テスト',
  });
  const csv = await a.app.inject({ url: '/api/intake/export?format=csv', headers: officer.headers() });
  assert.equal(csv.statusCode, 200);
  assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM for Excel');
  const text = csv.rawPayload.subarray(3).toString('utf8');
  assert.ok(text.startsWith('受理番号,受理日時,受理所属'));
  assert.ok(text.includes('出力の確認'));
  assert.ok(!text.includes('HYPERLINK("x")'), 'personal fields stay masked');
  assert.ok(!text.includes('\r\n=') && !text.includes(',='), 'no cell starts a formula');
  const sjis = await a.app.inject({ url: '/api/intake/export?format=csv&encoding=sjis', headers: officer.headers() });
  assert.ok(iconv.decode(sjis.rawPayload, 'cp932').includes('出力の確認'));
  const theirs = await a.app.inject({ url: '/api/intake/export?format=csv', headers: ishinomaki.headers() });
  assert.ok(!theirs.rawPayload.toString('utf8').includes('出力の確認'), 'another station exports only its own');
  const xlsx = await a.app.inject({ url: '/api/intake/export?format=xlsx', headers: officer.headers() });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('相談等一覧');
  assert.equal(ws?.getRow(1).getCell(1).value, '受理番号');
  const exports = await a.db.kysely.selectFrom('audit_event').selectAll().where('action', '=', 'intake.export').execute();
  assert.equal(exports.length, 4);
});

test('fuzz: the register reader never crashes on arbitrary bytes or cells, only refuses clearly', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      try {
        const { text } = decodeCsv(Buffer.from(bytes));
        const { headers, rows } = parseCsv(text);
        const mapping = suggestMapping(headers);
        for (const r of rows) rowToInput(Object.fromEntries(headers.map((h, i) => [mapping[h] ?? h, r[i]])) as never, new Map());
      } catch (e) {
        assert.ok(isAppError(e), String(e));
      }
    }),
    { numRuns: 500 },
  );
});
