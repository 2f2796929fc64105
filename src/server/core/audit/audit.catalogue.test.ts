import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type AuditAction, auditActions, auditCatalogue } from '../../../contracts/audit.contracts.js';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { type Tx, withTx } from '../db/db.tx.js';
import { systemCtx } from './audit.context.js';
import { audit } from './audit.writer.js';

/**
 * The catalogue is the list the audit viewer filters by, so an action written but not listed
 * could never be found there. The compiler refuses such a literal (see `refusedAtCompileTime`);
 * `audit()` refuses a string built at run time; and a scan of the source finds every action
 * written, in both directions.
 */
let t: TestDb;
before(async () => {
  t = await freshDb();
});
after(() => t.cleanup());

// Never called: it exists so that `npm run typecheck` fails if the compiler stops refusing.
export function refusedAtCompileTime(tx: Tx) {
  // @ts-expect-error an action missing from the catalogue does not compile
  return audit(tx, systemCtx, { action: 'intake.consultation.burn' });
}

const rows = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('audit_event')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('audit() refuses an action that is not in the catalogue, and writes nothing', async () => {
  const before = await rows();
  const made = ['intake', 'consultation', 'burn'].join('.') as AuditAction;
  await assert.rejects(
    withTx(t.db, (tx) => audit(tx, systemCtx, { action: made })),
    /not in the catalogue: intake\.consultation\.burn/,
  );
  assert.equal(await rows(), before);
});

test('a target id alone takes its type from the catalogue; a different type is refused', async () => {
  const id = await withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'intake.view.delete', target: 'v1' }));
  const row = await t.db.kysely.selectFrom('audit_event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([row.target_type, row.target_id, row.outcome, row.actor_user_id], ['saved_view', 'v1', 'success', null]);
  await assert.rejects(
    withTx(t.db, (tx) => audit(tx, systemCtx, { action: 'intake.view.delete', target: { type: 'user', id: 'u1' } })),
    /targets saved_view, not user/,
  );
});

test('every catalogued action has Japanese and English labels, a target kind, and one owner', () => {
  const seen = new Set<string>();
  for (const g of auditCatalogue) {
    assert.ok(g.label.ja && g.label.en, g.domain);
    for (const [action, info] of Object.entries(g.actions)) {
      assert.ok(!seen.has(action), `${action} is catalogued twice`);
      seen.add(action);
      assert.match(action, /^[a-z]+(\.[a-z_]+)+$/);
      assert.ok(info.ja.trim() && info.en.trim(), action);
      assert.ok(info.target === null || /^[a-z_]+$/.test(info.target), action);
    }
  }
  assert.equal(seen.size, Object.keys(auditActions).length);
});

const srcRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every `action:` written by a file that calls `audit()`, as the dotted literals on that line. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(srcRoot, 'server')), ...sourceFiles(path.join(srcRoot, 'cli'))]) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('audit.writer.js')) continue;
    for (const line of text.split('\n')) {
      const m = /\baction:\s*(.*)$/.exec(line);
      if (!m?.[1]) continue;
      // A name built at run time cannot be checked here: write the literals out instead.
      assert.ok(!m[1].includes('`'), `${path.relative(srcRoot, file)}: action built from a template: ${line.trim()}`);
      for (const lit of m[1].matchAll(/'([a-z]+(?:\.[a-z_]+)+)'/g)) found.set(lit[1] as string, path.relative(srcRoot, file));
    }
  }
  return found;
}

test('every action written in src/server and src/cli is catalogued, and every catalogued action is written', () => {
  const written = writtenActions();
  assert.ok(written.size >= 40, `the scan found only ${written.size} actions: is it still reading the right files?`);
  for (const [action, file] of written) assert.ok(action in auditActions, `${file} writes ${action}, which is not in the catalogue`);
  for (const action of Object.keys(auditActions)) assert.ok(written.has(action), `${action} is catalogued but never written`);
});
