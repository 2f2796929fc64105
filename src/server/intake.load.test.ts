import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { consultationInput } from './testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from './testing/test-app.js';

/**
 * Load, bounded and on loopback only: a register import of a few thousand rows while 20 people
 * save consultations and another keeps opening the list, through a listening server. Nothing
 * may fail and every acknowledged save must be there afterwards. How long the reader waited is
 * measured by `npm run bench -- import-load` (timings do not belong in tests).
 */
const ROWS = 2_000;
const WRITERS = 20;
/** Saves per writer: they start with the import and, on any machine, overlap it. */
const WRITES = 5;

let a: TestApp;
let base: string;
let manager: Agent;
let officer: Agent;
before(async () => {
  a = await testApp();
  await a.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
  manager = await loginAs(a.app, 'chuo.kacho');
  officer = await loginAs(a.app, 'chuo.sato');
});
after(() => a.close());

const call = (agent: Agent, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...agent.headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function register(n: number): string {
  const lines = ['受理日時,分類,手口,件名,相談内容'];
  for (let i = 0; i < n; i++) {
    const phone = `050-${String(4000 + (i % 500)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`;
    lines.push(
      `2025/06/${String((i % 28) + 1).padStart(2, '0')} 09:00,詐欺・悪質商法関係等,サポート詐欺,負荷試験の取り込み${i},"警告画面の ${phone} に電話した"`,
    );
  }
  return lines.join('\r\n');
}

test(`a ${ROWS.toLocaleString()}-row import alongside ${WRITERS} writers and a reader: nothing fails, every save is kept`, async () => {
  const content = Buffer.from(register(ROWS)).toString('base64');
  const mapping = { 受理日時: 'receivedAt', 分類: 'category', 手口: 'modus', 件名: 'summary', 相談内容: 'narrative' };
  let importing = true;
  const imported = call(manager, '/api/intake/import', { content, mapping }).then(async (r) => {
    importing = false;
    return { status: r.status, body: (await r.json()) as { imported: number } };
  });
  const saved: string[] = [];
  const failures: string[] = [];
  const writer = async (w: number) => {
    for (let i = 0; i < WRITES; i++) {
      const r = await call(officer, '/api/intake/consultations', consultationInput({ summary: `負荷試験 書き手${w}-${i}` }));
      if (r.status === 201) saved.push(((await r.json()) as { id: string }).id);
      else failures.push(`write ${w}-${i}: ${r.status} ${await r.text()}`);
    }
  };
  let reads = 0;
  const reader = async () => {
    while (importing) {
      const r = await call(officer, '/api/intake/consultations?pageSize=20');
      if (r.status !== 200) failures.push(`read: ${r.status}`);
      else await r.json();
      reads++;
    }
  };
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), reader(), imported]);
  const imp = await imported;
  assert.deepEqual(failures, []);
  assert.equal(imp.status, 200, JSON.stringify(imp.body));
  assert.equal(imp.body.imported, ROWS);
  assert.equal(saved.length, WRITERS * WRITES);
  assert.ok(reads > 0);
  // Every acknowledged save is there, and so is the whole import.
  for (const id of saved) assert.equal((await call(officer, `/api/intake/consultations/${id}`)).status, 200, id);
  const list = (await (await call(manager, `/api/intake/consultations?q=${encodeURIComponent('負荷試験の取り込み')}`)).json()) as {
    total: number;
    capped: boolean;
  };
  assert.equal(list.total, Math.min(ROWS, 1000), 'the import is searchable (the count stops at 1,000)');
  const n = await a.db.kysely
    .selectFrom('consultation')
    .select((e) => e.fn.countAll().as('n'))
    .where('summary', 'like', '負荷試験の取り込み%')
    .executeTakeFirst();
  assert.equal(Number(n?.n), ROWS);
});
