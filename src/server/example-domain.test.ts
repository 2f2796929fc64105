import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { defineEndpoint } from '../contracts/endpoint.js';
import { readableBy } from './core/access/access.filter.js';
import { route } from './core/http/http.route.js';
import { enqueue } from './core/jobs/jobs.repository.js';
import { defineJob, jobType } from './core/jobs/jobs.types.js';
import type { DomainModule } from './core/module/module.types.js';
import { modules } from './modules.js';
import { loginAs, type TestApp, testApp } from './testing/test-app.js';

/**
 * The shape promised in docs/ARCHITECTURE.md ("Adding a domain"): a domain is one module object.
 * This one — 講習記録 (lectures), small on purpose — brings its own table and migration, record
 * type, job and routes, and joins the application by being added to the module list. Nothing
 * outside it changes.
 */

declare module './core/db/db.schema.js' {
  interface Database {
    example_lecture: { id: string; owning_unit_id: string; title: string; created_at: string };
  }
}

// In a real domain: src/contracts/lectures.endpoints.ts, shared with the web and the CLI.
const lectureEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/example/lectures',
    access: 'authenticated',
    summary: '講習記録の一覧 / Lectures',
    response: { 200: z.object({ items: z.array(z.object({ id: z.string(), title: z.string() })) }) },
  }),
};

const tallyJob = jobType('example.tally', z.strictObject({ unitId: z.string().min(1) }));
const tallies: string[] = [];

const lectureModule: DomainModule = {
  name: 'example',
  migrations: [
    {
      name: '9000_example_lecture',
      async up(db, d) {
        await db.schema
          .createTable('example_lecture')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('unit.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('created_at', d.timestamp, (c) => c.notNull())
          .execute();
      },
    },
  ],
  recordTypes: [
    {
      type: 'example_lecture',
      labelJa: '講習',
      labelEn: 'Lecture',
      async label(db, ids) {
        const rows = await db.kysely.selectFrom('example_lecture').select(['id', 'title']).where('id', 'in', ids).execute();
        return new Map(rows.map((r) => [r.id, { title: r.title, link: `/lectures/${r.id}` }]));
      },
    },
  ],
  jobs: [
    defineJob(tallyJob, async (p) => {
      tallies.push(p.unitId);
    }),
  ],
  routes: (ctx) => (app) => {
    route(app, lectureEndpoints.list, async ({ principal }) => {
      const rows = await ctx.db.kysely
        .selectFrom('example_lecture')
        .select(['id', 'title'])
        .where(
          readableBy(principal, {
            type: 'example_lecture',
            idColumn: 'example_lecture.id',
            ownerUnitColumn: 'example_lecture.owning_unit_id',
          }),
        )
        .orderBy('id')
        .execute();
      return { items: rows };
    });
  },
};

let a: TestApp;
before(async () => {
  a = await testApp({}, { modules: [...modules, lectureModule] });
});
after(() => a.close());

test('a domain added as one module brings its table, record type, job and routes', async () => {
  const station = await loginAs(a.app, 'chuo.sato');
  const other = await loginAs(a.app, 'ishinomaki.suzuki');
  const now = new Date().toISOString();
  await a.db.kysely
    .insertInto('example_lecture')
    .values([
      { id: 'L1', owning_unit_id: station.info.user.unit.id, title: '中学校 情報モラル講習', created_at: now },
      { id: 'L2', owning_unit_id: other.info.user.unit.id, title: '高齢者向け 詐欺防止講話', created_at: now },
    ])
    .execute();

  // Its route is served, behind the same need-to-know as every other record.
  const r = await a.app.inject({ url: '/api/example/lectures', headers: station.headers() });
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual(r.json().items, [{ id: 'L1', title: '中学校 情報モラル講習' }]);
  assert.equal((await a.app.inject({ url: '/api/example/lectures' })).statusCode, 401);

  // Its records are labelled wherever records of any type are shown (indicator pages, clusters).
  const labels = await a.ctx.recordTypes.label([
    { recordType: 'example_lecture', recordId: 'L2' },
    { recordType: 'no_such_type', recordId: 'x' },
  ]);
  assert.deepEqual([...labels.values()], [{ title: '高齢者向け 詐欺防止講話', link: '/lectures/L2' }]);

  // Its job runs with a payload checked against its schema; a malformed payload is refused, not cast.
  await enqueue(a.db, tallyJob, { unitId: station.info.user.unit.id });
  await a.db.kysely
    .insertInto('job')
    .values({
      id: 'bad-payload',
      kind: 'example.tally',
      payload: JSON.stringify({ unit: 1 }),
      status: 'queued',
      attempts: 0,
      max_attempts: 1,
      run_at: now,
      locked_by: null,
      locked_until: null,
      idempotency_key: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await a.jobs.tick();
  await new Promise((res) => setTimeout(res, 200));
  assert.deepEqual(tallies, [station.info.user.unit.id]);
  const bad = await a.db.kysely
    .selectFrom('job')
    .select(['status', 'last_error'])
    .where('id', '=', 'bad-payload')
    .executeTakeFirstOrThrow();
  assert.equal(bad.status, 'failed');
  assert.match(bad.last_error ?? '', /unitId/);
  assert.throws(() => tallyJob.payload.parse({}), 'enqueue checks the payload too');
});

test('two domains cannot claim one job kind, one record type or one migration', async () => {
  const { migrationList, schedulesOf } = await import('./core/module/module.compose.js');
  const { createRecordTypes } = await import('./core/module/module.records.js');
  assert.throws(() => schedulesOf([lectureModule, { ...lectureModule, name: 'copy' }]), /job kind declared twice/);
  assert.throws(() => createRecordTypes(a.db, [...(lectureModule.recordTypes ?? []), ...(lectureModule.recordTypes ?? [])]), /twice/);
  assert.throws(() => migrationList(lectureModule.migrations ?? [], [lectureModule]), /migration declared twice/);
});
