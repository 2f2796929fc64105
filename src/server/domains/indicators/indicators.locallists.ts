import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  localWarningListInputSchema,
  localWarningListUpdateSchema,
  WarningListInfo,
  WarningListKind,
} from '../../../contracts/indicators.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { json, toJson } from '../../core/db/db.decode.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import { enqueueJob } from '../../core/jobs/jobs.repository.js';
import { packageRoot } from '../../core/paths.js';
import { extract } from './extract/extract.js';
import { indicatorErrors } from './indicators.errors.js';
import { compileList, loadWarningLists, type WarningList, type WarningLists } from './indicators.warninglists.js';

/**
 * The cyber division's own warning lists: the prefecture's servers, a partner bank's domains, a
 * test address used in drills. Stored in the database (every server sees the same lists); an edit
 * takes effect for new values at once and for stored indicators through the re-annotation job.
 */
export const REANNOTATE_JOB = 'indicators.reannotate';
const LOCAL = 'local:';

const kindWords: Record<WarningListKind, string> = {
  cidr: 'IP アドレスまたは CIDR',
  hostname: 'ドメイン名',
  string: '値',
};

/** One entry in the form the matcher compares: canonical address or range, ASCII lower-case host, lower-case value. */
function canonicalEntry(kind: WarningListKind, raw: string): string | null {
  const s = raw.normalize('NFKC').trim();
  if (!s) return null;
  if (kind === 'cidr') {
    try {
      if (s.includes('/')) {
        const [addr, bits] = ipaddr.parseCIDR(s);
        return `${addr.toString()}/${bits}`;
      }
      return ipaddr.parse(s).toString();
    } catch {
      return null;
    }
  }
  if (kind === 'hostname') {
    const host = domainToASCII(
      s
        .toLowerCase()
        .replace(/^\*\./, '')
        .replace(/^\.+|\.+$/g, ''),
    );
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
  }
  if (/\s/.test(s)) return null;
  // An exact value is compared with indicators' canonical values: "022-211-1111" as +81222111111.
  const hits = extract(s);
  const whole = hits.length === 1 && hits[0]?.start === 0 && hits[0]?.end === s.length ? hits[0] : undefined;
  return (whole?.value ?? s).toLowerCase();
}

/** Canonical, de-duplicated entries, or every entry that does not read as the list's kind (by line). */
export function normaliseEntries(kind: WarningListKind, entries: string[]): { entries: string[]; errors: ErrorDetail[] } {
  const out = new Set<string>();
  const errors: ErrorDetail[] = [];
  entries.forEach((e, i) => {
    if (!e.trim()) return; // blank lines are layout, not entries
    const c = canonicalEntry(kind, e);
    if (c === null)
      errors.push({ path: `entries.${i}`, message: `${i + 1} 行目「${e.slice(0, 60)}」は${kindWords[kind]}として読めません` });
    else out.add(c);
  });
  return { entries: [...out], errors };
}

type Row = Database['warning_list'] & { version: number };

const toWarningList = (r: Row): WarningList | null =>
  compileList({ id: r.id, name: r.name, nameJa: r.name, source: 'local' }, { type: r.kind, list: json<string[]>(r.entries) });

export async function readLocalLists(db: Kysely<Database>): Promise<WarningList[]> {
  const rows = (await db.selectFrom('warning_list').selectAll().orderBy('name').execute()) as Row[];
  return rows.map(toWarningList).filter((w): w is WarningList => w !== null);
}

/** The matcher every server uses: shipped lists from the package, local ones from the database. */
export async function openWarningLists(db: Kysely<Database>, onError?: (file: string, reason: string) => void): Promise<WarningLists> {
  const warnings = loadWarningLists(path.join(packageRoot(), 'reference', 'warninglists'), onError);
  await refreshLocalLists(db, warnings);
  return warnings;
}

// What each matcher last loaded, so a periodic check reloads only after a change.
const loadedStamp = new WeakMap<WarningLists, string>();

async function listsStamp(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom('warning_list')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u'), eb.fn.sum<number>('version').as('v')])
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}|${String(r?.u ?? '')}|${Number(r?.v ?? 0)}`;
}

/** Bring this server's matcher up to date with the lists in the database. */
export async function refreshLocalLists(db: Kysely<Database>, warnings: WarningLists): Promise<void> {
  const stamp = await listsStamp(db);
  warnings.setLocal(await readLocalLists(db));
  loadedStamp.set(warnings, stamp);
}

/**
 * The same, after another server changed the lists: a cheap check first, a reload only when the
 * lists differ from what this matcher holds (a periodic chore on every server).
 */
export async function refreshLocalListsIfChanged(db: Kysely<Database>, warnings: WarningLists): Promise<boolean> {
  if ((await listsStamp(db)) === loadedStamp.get(warnings)) return false;
  await refreshLocalLists(db, warnings);
  return true;
}

/** Every list, shipped and local, without entries; local ones carry their version for editing. */
export async function warningListCatalogue(db: Kysely<Database>, warnings: WarningLists): Promise<WarningListInfo[]> {
  const local = new Map(
    ((await db.selectFrom('warning_list').select(['id', 'version', 'updated_at']).execute()) as Row[]).map((r) => [r.id, r]),
  );
  return warnings.lists.map((l) => ({
    id: l.id,
    name: l.name,
    nameJa: l.nameJa,
    source: l.source,
    kind: l.kind,
    size: l.size,
    version: local.get(l.id)?.version ?? null,
    updatedAt: local.get(l.id)?.updated_at ?? null,
  }));
}

export async function getLocalList(db: Kysely<Database>, id: string) {
  const r = (await db.selectFrom('warning_list').selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!r) throw indicatorErrors.create('indicators.warninglist_not_found');
  const entries = json<string[]>(r.entries);
  return {
    id: r.id,
    name: r.name,
    nameJa: r.name,
    source: 'local' as const,
    kind: r.kind as WarningListKind,
    size: entries.length,
    version: r.version,
    updatedAt: r.updated_at,
    entries,
  };
}

function checked(input: z.infer<typeof localWarningListInputSchema>) {
  const { entries, errors } = normaliseEntries(input.kind, input.entries);
  if (errors.length > 0)
    throw indicatorErrors.create('indicators.warninglist_invalid', { n: errors.length }, { details: errors.slice(0, 50) });
  if (entries.length === 0) throw indicatorErrors.create('indicators.warninglist_empty');
  return entries;
}

export interface LocalListDeps {
  db: Db;
  warnings: WarningLists;
}

/** After an edit: stored indicators are re-annotated and clusters rebuilt in the background. */
const queueReannotation = (tx: Tx, now: Date) =>
  enqueueJob(tx, { kind: REANNOTATE_JOB, idempotencyKey: `${REANNOTATE_JOB}:${now.toISOString()}` }, now);

export async function createLocalList(deps: LocalListDeps, ctx: RequestCtx, input: z.infer<typeof localWarningListInputSchema>) {
  const entries = checked(input);
  const id = `${LOCAL}${randomUUID()}`;
  const now = new Date();
  await withTx(deps.db, async (tx) => {
    await tx.kysely
      .insertInto('warning_list')
      .values({
        id,
        name: input.name,
        kind: input.kind,
        entries: toJson(entries),
        created_by: ctx.principal.userId,
        updated_at: now.toISOString(),
      })
      .execute();
    await audit(tx, ctx, {
      action: 'indicators.warninglist.create',
      target: id,
      change: { name: input.name, kind: input.kind, entries: entries.length },
    });
    await queueReannotation(tx, now);
  });
  await refreshLocalLists(deps.db.kysely, deps.warnings);
  return getLocalList(deps.db.kysely, id);
}

export async function updateLocalList(
  deps: LocalListDeps,
  ctx: RequestCtx,
  id: string,
  input: z.infer<typeof localWarningListUpdateSchema>,
) {
  const entries = checked(input);
  const now = new Date();
  await withTx(deps.db, async (tx) => {
    const before = await getLocalList(tx.kysely, id);
    const r = await tx.kysely
      .updateTable('warning_list')
      .set({
        name: input.name,
        kind: input.kind,
        entries: toJson(entries),
        version: input.version + 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw indicatorErrors.create('indicators.warninglist_stale');
    const was = new Set(before.entries);
    const after = new Set(entries);
    const added = entries.filter((e) => !was.has(e)).length;
    const removed = before.entries.filter((e) => !after.has(e)).length;
    await audit(tx, ctx, {
      action: 'indicators.warninglist.update',
      target: id,
      change: { name: input.name, kind: input.kind, entries: entries.length, added, removed },
    });
    await queueReannotation(tx, now);
  });
  await refreshLocalLists(deps.db.kysely, deps.warnings);
  return getLocalList(deps.db.kysely, id);
}

export async function deleteLocalList(deps: LocalListDeps, ctx: RequestCtx, id: string): Promise<void> {
  const now = new Date();
  await withTx(deps.db, async (tx) => {
    const before = await getLocalList(tx.kysely, id);
    await tx.kysely.deleteFrom('warning_list').where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'indicators.warninglist.delete',
      target: id,
      change: { name: before.name, entries: before.size },
    });
    await queueReannotation(tx, now);
  });
  await refreshLocalLists(deps.db.kysely, deps.warnings);
}
