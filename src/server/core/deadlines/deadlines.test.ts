import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import type { Tx } from '../db/db.tx.js';
import { type Deadline, sweepDeadlines } from './deadlines.js';

let t: TestDb;
beforeEach(async () => {
  t = await freshDb();
  await sql`create table deadline_probe (id text primary key, due_at text not null, told_at text)`.execute(t.db.kysely);
  await sql`create table deadline_told (id text not null)`.execute(t.db.kysely);
});
afterEach(() => t.cleanup());

const now = new Date('2026-12-07T03:00:00Z');

/** A record type with a deadline: told once, by inserting into deadline_told; `failOn` makes telling one fail. */
function probe(failOn?: string): Deadline<{ id: string }> {
  return {
    due: async (db, at) =>
      (
        await sql<{
          id: string;
        }>`select id from deadline_probe where due_at <= ${at.toISOString()} and told_at is null order by id`.execute(db.kysely)
      ).rows,
    claim: async (tx: Tx, r, at) => {
      const res = await sql`update deadline_probe set told_at = ${at.toISOString()} where id = ${r.id} and told_at is null`.execute(
        tx.kysely,
      );
      return { numUpdatedRows: res.numAffectedRows ?? 0n };
    },
    tell: async (tx, r) => {
      if (r.id === failOn) throw new Error('telling failed');
      await sql`insert into deadline_told (id) values (${r.id})`.execute(tx.kysely);
    },
  };
}

const told = async () => (await sql<{ id: string }>`select id from deadline_told order by id`.execute(t.db.kysely)).rows.map((r) => r.id);

test('records past their deadline are told once, even when two servers sweep at the same moment', async () => {
  for (const [id, due] of [
    ['a', '2026-12-07T02:00:00Z'],
    ['b', '2026-12-07T02:59:59Z'],
    ['c', '2026-12-07T03:00:01Z'],
  ])
    await sql`insert into deadline_probe (id, due_at) values (${id}, ${due})`.execute(t.db.kysely);
  const [one, two] = await Promise.all([sweepDeadlines(t.db, probe(), now), sweepDeadlines(t.db, probe(), now)]);
  assert.ok(one + two >= 2, 'both sweeps saw the past-due records');
  assert.deepEqual(await told(), ['a', 'b'], 'each told once; the record not yet due is not told');
  assert.equal(await sweepDeadlines(t.db, probe(), now), 0, 'a later sweep finds nothing left to tell');
});

test('a record that cannot be told stays untold for the next run, and does not hold up the others', async () => {
  for (const id of ['a', 'b', 'c'])
    await sql`insert into deadline_probe (id, due_at) values (${id}, ${'2026-12-01T00:00:00Z'})`.execute(t.db.kysely);
  await assert.rejects(sweepDeadlines(t.db, probe('a'), now), /telling failed/, 'the run fails, so the job shows it');
  assert.deepEqual(await told(), ['b', 'c'], 'the others are told; the failed one is not half-told');
  await sweepDeadlines(t.db, probe(), now);
  assert.deepEqual(await told(), ['a', 'b', 'c'], 'the next run tells every one, the failed one included');
});
