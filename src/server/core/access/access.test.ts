import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { RecordScope } from '../../../contracts/permissions.contracts.js';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { systemCtx } from '../audit/audit.context.js';
import { withTx } from '../db/db.tx.js';
import { readableBy, shareRecord } from './access.filter.js';

/**
 * The need-to-know predicate on a stand-in record table: list, count and search all carry it,
 * so a station never fetches another station's record unless it was shared.
 */
let t: TestDb;
const ref = { type: 'note', idColumn: 'note.id', ownerUnitColumn: 'note.owning_unit_id' };
before(async () => {
  t = await freshDb();
  const now = new Date().toISOString();
  for (const [id, code] of [
    ['u-chuo', 'ST-A'],
    ['u-ishi', 'ST-B'],
    ['u-cyber', 'HQ-C'],
    ['u-other', 'HQ-D'],
  ] as const) {
    await t.db.kysely
      .insertInto('unit')
      .values({
        id,
        code,
        name: code,
        name_en: code,
        kind: 'station',
        parent_id: null,
        prefecture_wide: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  for (const id of ['investigator-1', 'investigator-2']) {
    await t.db.kysely
      .insertInto('app_user')
      .values({
        id,
        login_id: id,
        display_name: id,
        unit_id: 'u-other',
        role: 'caseInvestigator',
        password_hash: 'x',
        disabled: 0,
        must_change_password: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await sql`create table note (id text primary key, owning_unit_id text not null, body text not null)`.execute(t.db.kysely);
  await sql`insert into note values ('n1', 'u-chuo', '仙台中央の相談: 架空請求'), ('n2', 'u-ishi', '石巻の相談: 架空請求'), ('n3', 'u-ishi', '石巻の相談: 不正送金')`.execute(
    t.db.kysely,
  );
});
after(() => t.cleanup());

const who = (unitId: string, scope: RecordScope, userId = 'someone') => ({ unitId, scope, userId });

async function visible(p: ReturnType<typeof who>, search?: string): Promise<string[]> {
  let q = t.db.kysely
    .selectFrom('note' as never)
    .select(sql<string>`note.id`.as('id'))
    .where(readableBy(p, ref));
  if (search) q = q.where(sql<boolean>`note.body like ${`%${search}%`}`);
  return (await q.orderBy(sql`note.id`).execute()).map((r) => (r as { id: string }).id);
}

async function count(p: ReturnType<typeof who>): Promise<number> {
  const r = await t.db.kysely
    .selectFrom('note' as never)
    .select(sql<number>`count(*)`.as('n'))
    .where(readableBy(p, ref))
    .executeTakeFirstOrThrow();
  return Number((r as { n: number }).n);
}

test('a station officer lists, counts and searches only their own station', async () => {
  const chuo = who('u-chuo', 'unit');
  assert.deepEqual(await visible(chuo), ['n1']);
  assert.equal(await count(chuo), 1);
  assert.deepEqual(await visible(chuo, '架空請求'), ['n1'], 'search never reaches the other station');
});

test('the prefecture-wide cyber division sees every station', async () => {
  assert.deepEqual(await visible(who('u-cyber', 'prefecture')), ['n1', 'n2', 'n3']);
});

test('administrators and dashboard-only roles read no record content', async () => {
  assert.deepEqual(await visible(who('u-chuo', 'none')), []);
  assert.equal(await count(who('u-chuo', 'none')), 0);
});

test('sharing a record with a unit or a person opens exactly that record, and is audited', async () => {
  await withTx(t.db, (tx) =>
    shareRecord(tx, systemCtx, { recordType: 'note', recordId: 'n2', unitId: 'u-chuo', reason: '同一電話番号の照会' }),
  );
  assert.deepEqual(await visible(who('u-chuo', 'unit')), ['n1', 'n2']);
  await withTx(t.db, (tx) =>
    shareRecord(tx, systemCtx, { recordType: 'note', recordId: 'n3', userId: 'investigator-1', reason: '事件の捜査員' }),
  );
  assert.deepEqual(await visible(who('u-other', 'unit', 'investigator-1')), ['n3']);
  assert.deepEqual(await visible(who('u-other', 'unit', 'investigator-2')), []);
  const events = await t.db.kysely.selectFrom('audit_event').select('action').where('action', '=', 'access.share').execute();
  assert.equal(events.length, 2);
});
