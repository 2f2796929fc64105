import { sql } from 'kysely';
import type { ConsultationDetail, ListQuery, PartyInput, personalFields } from '../../../contracts/intake.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { flag, json, jsonOrNull } from '../../core/db/db.decode.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { labelsInChunks } from '../../core/module/module.records.js';
import { snippet } from '../../core/search/search.bigram.js';
import { searchInWindows } from '../../core/search/search.index.js';
import {
  extract,
  indicatorsOfRecord,
  lookupIndicators,
  type RecordLabel,
  relatedNotices,
  valueAttributesOrNone,
} from '../indicators/index.js';
import { intakeErrors } from './intake.errors.js';
import { bankKey, normalisers, partyView, roleOf } from './intake.personal.js';
import {
  type ConsultationRow,
  countCapped,
  escalationQuery,
  filteredQuery,
  findReadable,
  liveConsultation,
  RECORD_TYPE,
  readableConsultationParts,
  revealable,
  type SummaryRow,
  summaryColumns,
  timeline,
  toEscalationView,
  toSummary,
  type Viewer,
} from './intake.repository.js';
import { compareRows, DEFAULT_ORDER, type ListOrder, orderTerms, sortKeyOf } from './intake.sort.js';
import type { IntakeDeps } from './intake.usecases.js';

const attributesOf = valueAttributesOrNone;

/** Counting stops here: "1,000件以上" is what a person needs, and counting a million rows is not free. */
export const COUNT_CAP = 1_000;

const noticeDeps = (deps: IntakeDeps) => ({ db: deps.db.kysely, labelRecords: deps.labelRecords });

export async function getDetail(deps: IntakeDeps, v: Viewer, id: string): Promise<ConsultationDetail> {
  const { db, keyring } = deps;
  const row = await findReadable(db.kysely, v, id);
  if (!row) throw intakeErrors.create('intake.not_found');
  const indicators = await indicatorsOfRecord(db.kysely, { recordType: RECORD_TYPE, recordId: id });
  const escalations = await escalationQuery(db.kysely).where('e.consultation_id', '=', id).orderBy('e.raised_at', 'desc').execute();
  // Who else can read it is the owner's and サイバー課's business, not that of a unit it was shared with.
  const seesShares = v.scope === 'prefecture' || v.unitId === row.owning_unit_id;
  return {
    ...toSummary(keyring, row),
    ...detailFields(deps, row),
    receivedByName: row.received_by_name,
    indicators,
    // The complainant's own phone or account relates them to no one.
    related: await relatedNotices(
      noticeDeps(deps),
      v,
      indicators.filter((i) => i.role !== 'victim'),
      { recordType: RECORD_TYPE, recordId: id },
    ),
    escalations: escalations.map(toEscalationView),
    timeline: await timeline(db.kysely, id, { withShares: seesShares }),
    sharedWith: seesShares ? await sharedWith(db, id) : null,
  };
}

async function sharedWith(db: Db, id: string) {
  const rows = await db.kysely
    .selectFrom('record_share as s')
    .innerJoin('unit as u', 'u.id', 's.unit_id')
    .select(['s.unit_id', 'u.name', 'u.name_en', 's.created_at', 's.reason', 's.allow_reveal'])
    .where('s.record_type', '=', RECORD_TYPE)
    .where('s.record_id', '=', id)
    .orderBy('s.created_at')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id as string,
    unitName: r.name,
    unitNameEn: r.name_en,
    sharedAt: r.created_at,
    reason: r.reason,
    allowReveal: flag(r.allow_reveal),
  }));
}

function detailFields(deps: IntakeDeps, row: ConsultationRow) {
  const complainant = partyView(deps.keyring, row, 'complainant');
  return {
    version: row.version,
    contactMethods: json<ConsultationDetail['contactMethods']>(row.contact_methods),
    snsService: row.sns_service,
    occurredAt: row.occurred_at,
    discoveredAt: row.discovered_at,
    damageKind: row.damage_kind as ConsultationDetail['damageKind'],
    paymentMethod: row.payment_method as ConsultationDetail['paymentMethod'],
    complainant: complainant ?? {
      type: 'individual' as const,
      name: null,
      address: null,
      phone: null,
      orgSize: null,
      sector: null,
      ageGroup: null,
      bank: null,
    },
    victimSameAsComplainant: flag(row.victim_same),
    victim: partyView(deps.keyring, row, 'victim'),
    wishes: json<ConsultationDetail['wishes']>(row.wishes),
    flags: json<ConsultationDetail['flags']>(row.flags),
    narrative: row.narrative,
    disposition: row.disposition as ConsultationDetail['disposition'],
    handoverTo: row.handover_to,
    nextFollowUpAt: row.next_follow_up_at,
    indicatorRoles: jsonOrNull<ConsultationDetail['indicatorRoles']>(row.indicator_roles) ?? [],
  };
}

/** Show personal fields in full: needs a reason, and writes the reveal to the audit trail. */
export async function reveal(
  deps: IntakeDeps,
  ctx: RequestCtx,
  id: string,
  fields: readonly (typeof personalFields)[number][],
  reason: string,
) {
  const { db, keyring } = deps;
  const shown = await withTx(db, async (tx) => {
    const row = await findReadable(tx.kysely, ctx.principal, id);
    if (!row) throw intakeErrors.create('intake.not_found');
    // A share to read and search is not a grant to reveal: the refusal is recorded and kept.
    if (!(await revealable(tx.kysely, ctx.principal, id))) {
      await audit(tx, ctx, {
        action: 'intake.personal.reveal',
        target: id,
        reason,
        detail: { fields: fields.join(',') },
        outcome: 'denied',
      });
      return null;
    }
    const set = new Set<string>(fields);
    await audit(tx, ctx, {
      action: 'intake.personal.reveal',
      target: id,
      reason,
      detail: { fields: fields.join(',') },
    });
    return {
      complainant: partyView(keyring, row, 'complainant', set) ?? detailFields(deps, row).complainant,
      victim: partyView(keyring, row, 'victim', set),
    };
  });
  if (!shown) throw intakeErrors.create('intake.reveal_not_granted');
  return shown;
}

export async function listConsultations(deps: IntakeDeps, v: Viewer, f: ListQuery) {
  const { db, keyring } = deps;
  const fq = filteredQuery(db, v, f);
  if (!fq) return { items: [], total: 0, capped: false, page: f.page, pageSize: f.pageSize };
  const { q: filtered, search } = fq;
  const order: ListOrder = f.sort ? { key: f.sort, order: f.order ?? 'asc' } : DEFAULT_ORDER;
  // The unit's names by a lookup per row of the page, not a join: with a join, an engine without
  // statistics may walk the units first and sort every record they own (seconds at 1M records).
  const summary = <Q extends typeof filtered>(q: Q) =>
    q.select([
      ...summaryColumns,
      sql<string>`(select u.name from unit u where u.id = c.owning_unit_id)`.as('unit_name'),
      sql<string>`(select u.name_en from unit u where u.id = c.owning_unit_id)`.as('unit_name_en'),
      sortKeyOf(order).as('sort_key'),
    ]);
  const selected = summary(filtered);
  const skip = (f.page - 1) * f.pageSize;
  let rows: SortedRow[];
  let n: number;
  let complete = true;
  if (search) {
    // Search results: newest registered first, walked in windows of the index key. Sorted by a
    // column, the matches counted (up to the cap) are read and ordered, then the page is cut.
    const max = await db.kysely
      .selectFrom('consultation')
      .select((e) => e.fn.max('seq').as('m'))
      .executeTakeFirst();
    const found = await searchInWindows(
      db,
      Number(max?.m ?? 0),
      f.sort ? COUNT_CAP : skip + f.pageSize,
      COUNT_CAP + 1,
      // Built once, run on the connection the window's plan settings apply to.
      async (k, lo, hi, limit) =>
        (await k.executeQuery(selected.where(search.window(lo, hi)).orderBy(sql`${search.key} desc`).limit(limit).compile()))
          .rows as SortedRow[],
      async (k, lo, hi, limit) => Number((await countCapped(filtered.where(search.window(lo, hi)), limit - 1).execute(k)).rows[0]?.n ?? 0),
      v.scope === 'unit' ? () => ownWindowStart(db, v.unitId) : undefined,
    );
    rows = f.sort ? found.rows.sort(compareRows(order)).slice(skip, skip + f.pageSize) : found.rows.slice(skip);
    n = found.counted;
    complete = found.complete;
  } else {
    // Each part of what the caller may read walks its own index (owned: by owner and time;
    // shared: by id), in the asked order; the page is cut from the merged parts.
    const parts = await readableConsultationParts(db.kysely, v);
    rows = [];
    n = 0;
    for (const access of parts) {
      const part = filteredQuery(db, v, f, access)?.q;
      if (!part) continue;
      const ordered = orderTerms(order).reduce((q, term) => q.orderBy(term), summary(part));
      rows.push(
        ...((parts.length === 1
          ? await ordered.limit(f.pageSize).offset(skip).execute()
          : await ordered.limit(skip + f.pageSize).execute()) as SortedRow[]),
      );
      n += Number((await countCapped(part, COUNT_CAP).execute(db.kysely)).rows[0]?.n ?? 0);
    }
    if (parts.length > 1) rows = rows.sort(compareRows(order)).slice(skip, skip + f.pageSize);
  }
  return {
    items: rows.map((r) => ({ ...toSummary(keyring, r), snippet: f.q ? bestSnippet(r, f.q) : null })),
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP || !complete,
    page: f.page,
    pageSize: f.pageSize,
  };
}

type SortedRow = SummaryRow & { sort_key: string | number | null };

/** A unit-scoped reader's first search window: from their 2,000th newest own record. */
async function ownWindowStart(db: Db, unitId: string): Promise<number> {
  const r = await db.kysely
    .selectFrom('consultation')
    .select('seq')
    .where('owning_unit_id', '=', unitId)
    .orderBy('seq', 'desc')
    .offset(1999)
    .limit(1)
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/** The narrative around the match; the summary when only the summary matched. */
function bestSnippet(r: { narrative: string; summary: string }, q: string) {
  const n = snippet(r.narrative, q);
  if (n.marks.length > 0) return n;
  const s = snippet(r.summary, q);
  return s.marks.length > 0 ? s : n;
}

/**
 * What the form shows while the officer types: the indicators found, which of them are the
 * parties' own phone or account (role victim: not looked up, related or stored as offender data),
 * and who else has seen the others.
 */
export async function preview(
  deps: IntakeDeps,
  v: Viewer,
  input: { narrative: string; complainant?: Pick<PartyInput, 'phone' | 'bank'>; victim?: Pick<PartyInput, 'phone' | 'bank'> },
) {
  const { narrative } = input;
  const parties = [input.complainant, input.victim];
  const own = {
    phones: parties.flatMap((p) => (p?.phone ? [normalisers.phone(p.phone)] : [])),
    accounts: parties.flatMap((p) => (p?.bank ? [bankKey(p.bank)] : [])),
  };
  // Candidates (an account whose branch does not resolve, a number failing its check) are shown so
  // the officer can correct the text; they are never looked up, related or recorded.
  const hits = extract(narrative, { candidates: true }).map((h) => ({ ...h, role: roleOf(own, h.type, h.value) }));
  const keys = [
    ...new Map(
      hits
        .filter((h) => h.role !== 'victim' && h.status === undefined)
        .map((h) => [`${h.type}\u0000${h.value}`, { type: h.type, value: h.value }]),
    ).values(),
  ];
  const known = await lookupIndicators(deps.db, keys);
  return {
    hits: hits.map((h) => ({
      type: h.type,
      value: h.value,
      raw: narrative.slice(h.start, h.end),
      start: h.start,
      end: h.end,
      benign: h.status === undefined && deps.warnings.match(h.type, h.value).length > 0,
      role: h.role,
      ...(h.status ? { status: h.status, reasons: h.reasons } : {}),
      attributes: h.type === 'bankAccount' || h.attributes ? { ...attributesOf(h.type, h.value), ...h.attributes } : undefined,
    })),
    related: await relatedNotices(
      noticeDeps(deps),
      v,
      known.map((k) => ({ id: Number(k.id), type: k.type, value: k.value })),
    ),
  };
}

/** Titles and links of consultations by id, for other domains' pages (indicators, clusters). */
export function labelConsultations(db: Db, ids: readonly string[]): Promise<Map<string, RecordLabel>> {
  return labelsInChunks(ids, async (chunk) =>
    (
      await db.kysely
        .selectFrom('consultation as c')
        .select(['c.id', 'c.ref_no', 'c.summary'])
        .where('c.id', 'in', chunk)
        .where(liveConsultation)
        .execute()
    ).map((r) => ({ id: r.id, title: `${r.ref_no} ${r.summary}`, link: `/intake/${r.id}` })),
  );
}
