import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consultationInputSchema } from '../../../contracts/intake.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { consultationInput } from '../../testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { accountPrincipal } from '../auth/index.js';
import { type Account, findAccount } from '../org/index.js';
import { ABANDONED_AFTER_MS, resumeImports, stageRows, startImport } from './intake.import.batches.js';
import { importRegister } from './intake.import.js';
import { intakeDeps } from './intake.module.js';

/**
 * A register import is written in short transactions under a staging batch: until the one short
 * switch, nobody sees its records (list, detail, search, statistics, correlation, clusters); a
 * failure or an abandoned import leaves nothing behind.
 */
let a: TestApp;
let manager: Agent;
let ishinomaki: Agent;
let ctx: RequestCtx;
before(async () => {
  a = await testApp();
  manager = await loginAs(a.app, 'chuo.kacho');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
  ctx = { principal: accountPrincipal((await findAccount(a.db.kysely, { loginId: 'chuo.kacho' })) as Account) };
});
after(() => a.close());

const get = (agent: Agent, url: string) => a.app.inject({ url, headers: agent.headers() });
const total = async (agent: Agent, q?: string) =>
  (await get(agent, `/api/intake/consultations${q ? `?q=${encodeURIComponent(q)}` : ''}`)).json().total as number;

/** A register of `n` rows, each naming the same scam number and a word found nowhere else. */
function registerCsv(n: number, phone: string, word: string): Buffer {
  const lines = ['受理日時,分類,手口,件名,相談内容'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `2025/05/${String((i % 28) + 1).padStart(2, '0')} 10:00,詐欺・悪質商法関係等,サポート詐欺,${word}の相談${i},"警告画面の ${phone} に電話した（${word}）"`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}
const mapping = { 受理日時: 'receivedAt', 分類: 'category', 手口: 'modus', 件名: 'summary', 相談内容: 'narrative' } as const;

const stagedIds = async () =>
  (await a.db.kysely.selectFrom('consultation').select('id').where('import_batch', 'is not', null).execute()).map((r) => r.id);
const countOf = async (value: string) =>
  Number(
    (await a.db.kysely.selectFrom('indicator').select('record_count').where('value', '=', value).executeTakeFirst())?.record_count ?? 0,
  );

test('records of an import in progress are seen by no read, and all appear at once when it is switched live', async () => {
  // A station's own record with the number the register also names: the import will relate to it.
  const own = await a.app.inject({
    method: 'POST',
    url: '/api/intake/consultations',
    headers: manager.headers(),
    payload: consultationInput({ narrative: '警告画面の 050-7001-2001 に電話した。' }),
  });
  assert.equal(own.statusCode, 201, own.body);
  const ownId = own.json().id as string;
  const before = await total(manager);
  let checked = false;
  const report = await importRegister(intakeDeps(a.ctx), ctx, registerCsv(30, '050-7001-2001', '港湾倉庫'), mapping, {
    skipInvalid: false,
    dryRun: false,
    afterSlice: async (written) => {
      if (checked) return;
      checked = true;
      assert.ok(written > 0);
      const ids = await stagedIds();
      assert.equal(ids.length, written, 'the rows are written…');
      assert.equal(await total(manager), before, '…but not listed');
      assert.equal(await total(manager, '港湾倉庫'), 0, 'nor found by search');
      assert.equal((await get(manager, `/api/intake/consultations/${ids[0]}`)).statusCode, 404, 'nor opened by id');
      const refNo = (
        await a.db.kysely
          .selectFrom('consultation')
          .select('ref_no')
          .where('id', '=', ids[0] as string)
          .executeTakeFirst()
      )?.ref_no;
      assert.equal(await total(manager, refNo), 0, 'nor found by 受理番号');
      assert.equal((await get(manager, '/api/intake/stats')).json().total, before, 'nor counted');
      const detail = (await get(manager, `/api/intake/consultations/${ownId}`)).json();
      assert.deepEqual(detail.related, [], 'nor related to the station\u2019s own record');
      assert.equal(await countOf('+815070012001'), 1, 'nor counted for the number');
      const cluster = (await get(manager, `/api/records/consultation/${ownId}/cluster`)).json();
      assert.equal(cluster.clusterId, null, 'nor clustered');
      const theirs = (await get(ishinomaki, `/api/intake/consultations/${ownId}`)).statusCode;
      assert.equal(theirs, 404);
    },
  });
  assert.ok(checked);
  assert.equal(report.imported, 30);
  assert.equal(await total(manager), before + 30);
  assert.equal(await total(manager, '港湾倉庫'), 30);
  const detail = (await get(manager, `/api/intake/consultations/${ownId}`)).json();
  assert.equal(detail.related[0]?.visible.length, 30, 'related through the number at once');
  assert.equal(await countOf('+815070012001'), 31);
  const cluster = (await get(manager, `/api/records/consultation/${ownId}/cluster`)).json();
  assert.equal(cluster.records.length, 31, 'and drawn in one cluster');
  const audits = await a.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'outcome'])
    .where('action', 'like', 'intake.import%')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audits.map((e) => `${e.action}:${e.outcome}`),
    ['intake.import.start:success', 'intake.import:success'],
  );
});

test('an import that fails mid-way leaves no record, search entry, sighting or value behind, and is audited as failed', async () => {
  const before = await total(manager);
  const sightings = async () =>
    Number(
      (
        await a.db.kysely
          .selectFrom('sighting')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  const sightingsBefore = await sightings();
  await assert.rejects(
    importRegister(intakeDeps(a.ctx), ctx, registerCsv(25, '050-7002-3002', '失敗倉庫'), mapping, {
      skipInvalid: false,
      dryRun: false,
      afterSlice: () => {
        throw new Error('disk full');
      },
    }),
    /disk full/,
  );
  assert.equal(await total(manager), before);
  assert.equal(await total(manager, '失敗倉庫'), 0);
  assert.deepEqual(await a.db.kysely.selectFrom('consultation').select('id').where('summary', 'like', '失敗倉庫%').execute(), []);
  assert.equal(await sightings(), sightingsBefore, 'no orphan sightings');
  assert.equal(await a.db.kysely.selectFrom('indicator').select('id').where('value', '=', '+815070023002').executeTakeFirst(), undefined);
  assert.deepEqual(await a.db.kysely.selectFrom('staging_batch').select('id').where('state', '<>', 'done').execute(), []);
  const failed = await a.db.kysely
    .selectFrom('audit_event')
    .select(['detail'])
    .where('action', '=', 'intake.import')
    .where('outcome', '=', 'failure')
    .execute();
  assert.equal(failed.length, 1);
});

test('an import its server abandoned is deleted by the chore, and one still being written is left alone', async () => {
  const deps = intakeDeps(a.ctx);
  const now = new Date();
  const rows = [
    {
      input: consultationInputSchema.parse(
        consultationInput({ summary: '放置倉庫の相談', narrative: '放置倉庫 050-7003-4003 に電話した。' }),
      ),
    },
  ];
  // A server that stopped after staging: the batch is never published.
  const batch = await startImport(deps, ctx, { rows: 1 }, now);
  await stageRows(deps, ctx, batch, rows, now);
  assert.equal((await stagedIds()).length > 0, true);
  assert.equal(await resumeImports(a.db, new Date()), 0, 'recently written: still in progress');
  assert.equal(await total(manager, '放置倉庫'), 0);
  assert.equal(await resumeImports(a.db, new Date(Date.now() + ABANDONED_AFTER_MS + 60_000)), 1);
  assert.deepEqual(await a.db.kysely.selectFrom('consultation').select('id').where('import_batch', '=', batch).execute(), []);
  assert.deepEqual(await a.db.kysely.selectFrom('sighting').select('id').where('batch_id', '=', batch).execute(), []);
  assert.equal(await a.db.kysely.selectFrom('staging_batch').select('id').where('id', '=', batch).executeTakeFirst(), undefined);
  const failed = await a.db.kysely
    .selectFrom('audit_event')
    .select('detail')
    .where('action', '=', 'intake.import')
    .where('outcome', '=', 'failure')
    .execute();
  assert.ok(failed.some((f) => f.detail?.includes(batch) && f.detail.includes('abandoned')));
});
