import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { migrations } from '../../modules.js';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { isAppError } from '../errors/app-error.js';
import { migrate, migrationState } from './db.migrate.js';

let t: TestDb;
before(async () => {
  t = await freshDb({ migrate: false });
});
after(() => t.cleanup());

test('migrations apply in order on a fresh database and are recorded', async () => {
  const applied = await migrate(t.db, migrations);
  assert.deepEqual(
    applied,
    migrations.map((m) => m.name),
  );
  const state = await migrationState(t.db, migrations);
  assert.deepEqual(state.pending, []);
  assert.deepEqual(
    state.applied,
    migrations.map((m) => m.name),
  );
});

test('running migrations again changes nothing', async () => {
  assert.deepEqual(await migrate(t.db, migrations), []);
});

test('a database written by a newer version is refused', async () => {
  await sql`insert into renkei_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
    t.db.kysely,
  );
  await assert.rejects(
    migrate(t.db, migrations),
    (e) => isAppError(e) && e.code === 'db.schema_newer' && e.messageJa.includes('9999_from_the_future'),
  );
  await sql`delete from renkei_migration where name = '9999_from_the_future'`.execute(t.db.kysely);
});

test('timestamps come back as the same UTC ISO string on both engines', async () => {
  const ts = '2026-11-26T03:04:05.678Z';
  await t.db.kysely
    .insertInto('job_schedule')
    .values({ name: 'ts-check', cron: '0 * * * *', kind: 'x', payload: '{"a":1}', next_run_at: ts, last_run_at: null })
    .execute();
  const row = await t.db.kysely.selectFrom('job_schedule').selectAll().where('name', '=', 'ts-check').executeTakeFirstOrThrow();
  assert.equal(row.next_run_at, ts);
  assert.equal(JSON.parse(row.payload).a, 1);
  // Comparison in SQL agrees with time order.
  const later = await t.db.kysely.selectFrom('job_schedule').select('name').where('next_run_at', '>', '2026-11-26T03:04:05.000Z').execute();
  assert.equal(later.length, 1);
});

test('the audit table refuses UPDATE and DELETE at the database level', async () => {
  await sql`insert into audit_event (id, occurred_at, action, outcome, prev_hash, hash)
            values ('a1', '2026-11-26T00:00:00.000Z', 'test.event', 'success', 'p', 'h')`.execute(t.db.kysely);
  await assert.rejects(sql`update audit_event set action = 'forged' where id = 'a1'`.execute(t.db.kysely), /append-only/);
  await assert.rejects(sql`delete from audit_event where id = 'a1'`.execute(t.db.kysely), /append-only/);
  const row = await t.db.kysely.selectFrom('audit_event').select('action').where('id', '=', 'a1').executeTakeFirstOrThrow();
  assert.equal(row.action, 'test.event');
});
