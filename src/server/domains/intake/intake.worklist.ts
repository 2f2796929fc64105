import type { Kysely, SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Localized, WorkFigure, WorkItem, WorkSection, WorkTone } from '../../../contracts/home.contracts.js';
import { type IndicatorType, indicatorTypeLabels } from '../../../contracts/indicators.contracts.js';
import type { Database } from '../../core/db/db.schema.js';
import type { Principal } from '../../core/http/http.principal.js';
import { WORK_ITEMS_SHOWN, type WorklistProvider } from '../../core/module/module.worklist.js';
import { addressedTo } from './intake.access.js';
import { guidanceLink } from './intake.escalation.js';
import { escalationQuery, jstYear, readableConsultation } from './intake.repository.js';

/**
 * What intake has waiting for a person (see core/module/module.worklist.ts). サイバー課 (who
 * handle reports): reports past their deadline, new ones, acknowledged ones awaiting guidance,
 * access requests to decide. A station: guidance received, its reports still waiting, follow-up
 * calls due, its access requests. Holders of `dashboard.read`: this year's figures. Reports are
 * counted only where they are addressed to (or sent from) the person's unit, records only where
 * `readableBy` lets them read; a person without the permission gets no section at all.
 */
const GUIDANCE_DAYS = 7;
const FOLLOW_UP_AHEAD_MS = 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

type Db = Kysely<Database>;

async function section<DB, TB extends keyof DB, O>(
  base: SelectQueryBuilder<DB, TB, O>,
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
  toItem: (row: O) => WorkItem,
  meta: { key: string; label: Localized; actionable: boolean; tone: WorkTone; more: string | null },
): Promise<WorkSection> {
  const [counted, rows] = await Promise.all([
    base
      .clearSelect()
      .select(sql<number>`count(*)`.as('n') as never)
      .executeTakeFirst() as Promise<{ n: number | string } | undefined>,
    order(base).limit(WORK_ITEMS_SHOWN).execute(),
  ]);
  return { ...meta, domain: 'intake', count: Number(counted?.n ?? 0), items: rows.map(toItem) };
}

/** Words that read the same in both languages (a 受理番号 and 件名, a value as written). */
const same = (text: string): Localized => ({ ja: text, en: text });
const record = (r: { ref_no: string; summary: string }) => same(`${r.ref_no} ${r.summary}`);
const indicator = (type: string, value: string): Localized => {
  const label = indicatorTypeLabels[type as IndicatorType];
  return { ja: `${label?.ja ?? type} ${value}`, en: `${label?.en ?? type} ${value}` };
};

function handlerSections(db: Db, p: Principal): Promise<WorkSection>[] {
  const addressed = (states: string[]) => {
    let q = escalationQuery(db).where('e.state', 'in', states);
    if (p.scope !== 'prefecture') q = q.where('e.to_unit_id', '=', p.unitId);
    return q;
  };
  const queueItem =
    (tone: WorkTone, atKind: 'due' | 'since') =>
    (r: Awaited<ReturnType<ReturnType<typeof addressed>['executeTakeFirstOrThrow']>>): WorkItem => ({
      id: r.id,
      title: record(r),
      detail: {
        ja: `${r.from_name}${Number(r.urgent) === 1 ? '（速報）' : ''}`,
        en: `${r.from_name_en}${Number(r.urgent) === 1 ? ' (urgent)' : ''}`,
      },
      link: `/intake/escalations#esc-${r.id}`,
      at: atKind === 'due' ? r.due_at : (r.acknowledged_at ?? r.raised_at),
      atKind,
      tone: Number(r.urgent) === 1 ? 'danger' : tone,
    });
  const more = '/intake/escalations';
  const requests = addressedTo(db, p).where('r.state', '=', 'pending');
  return [
    section(addressed(['overdue']), (q) => q.orderBy('e.due_at'), queueItem('danger', 'due'), {
      key: 'intake.escalations.overdue',
      label: { ja: '確認期限を過ぎた報告', en: 'Reports past their deadline' },
      actionable: true,
      tone: 'danger',
      more,
    }),
    section(addressed(['pending']), (q) => q.orderBy('e.urgent', 'desc').orderBy('e.due_at'), queueItem('warning', 'due'), {
      key: 'intake.escalations.new',
      label: { ja: '新しい報告（未確認）', en: 'New reports (not acknowledged)' },
      actionable: true,
      tone: 'warning',
      more,
    }),
    section(addressed(['acknowledged']), (q) => q.orderBy('e.acknowledged_at'), queueItem('info', 'since'), {
      key: 'intake.escalations.acknowledged',
      label: { ja: '確認済・指導待ちの報告', en: 'Acknowledged reports awaiting guidance' },
      actionable: true,
      tone: 'info',
      more,
    }),
    section(
      requests,
      (q) => q.orderBy('r.created_at'),
      (r) => ({
        id: r.id,
        title: indicator(r.ind_type, r.ind_value),
        detail: {
          ja: `${r.unit_name} ${r.requester_name}（他所属の記録 ${Number(r.hidden)} 件）`,
          en: `${r.unit_name_en} ${r.requester_name} (${Number(r.hidden)} records of other units)`,
        },
        link: `/intake/access-requests/${r.id}`,
        at: r.created_at,
        atKind: 'since',
        tone: 'warning',
      }),
      {
        key: 'intake.accessRequests.pending',
        label: { ja: '判断待ちの閲覧依頼', en: 'Access requests awaiting decision' },
        actionable: true,
        tone: 'warning',
        more: '/intake/access-requests',
      },
    ),
  ];
}

function stationSections(db: Db, p: Principal, now: Date): Promise<WorkSection>[] {
  const sent = (states: string[]) => escalationQuery(db).where('e.from_unit_id', '=', p.unitId).where('e.state', 'in', states);
  const since = new Date(now.getTime() - GUIDANCE_DAYS * DAY_MS).toISOString();
  const out: Promise<WorkSection>[] = [
    section(
      sent(['guided']).where('e.guidance_at', '>=', since),
      (q) => q.orderBy('e.guidance_at', 'desc'),
      (r) => ({
        id: r.id,
        title: record(r),
        detail: same((r.guidance ?? '').slice(0, 80)),
        link: guidanceLink(r.consultation_id, r.id),
        at: r.guidance_at,
        atKind: 'since',
        tone: 'info',
      }),
      {
        key: 'intake.guidance.received',
        label: {
          ja: `サイバー課からの指導（${GUIDANCE_DAYS}日以内）`,
          en: `Guidance from the cyber division (last ${GUIDANCE_DAYS} days)`,
        },
        actionable: false,
        tone: 'info',
        more: null,
      },
    ),
    section(
      sent(['pending', 'overdue', 'acknowledged']),
      (q) => q.orderBy('e.raised_at', 'desc'),
      (r) => ({
        id: r.id,
        title: record(r),
        detail:
          r.state === 'acknowledged'
            ? { ja: 'サイバー課が確認済・指導待ち', en: 'Acknowledged by the cyber division, guidance pending' }
            : { ja: 'サイバー課の確認待ち', en: 'Awaiting the cyber division' },
        link: `/intake/${r.consultation_id}`,
        at: r.raised_at,
        atKind: 'since',
        tone: r.state === 'overdue' ? 'danger' : 'neutral',
      }),
      {
        key: 'intake.escalations.sent',
        label: { ja: '報告中の記録（サイバー課の対応待ち）', en: 'Reported records awaiting the cyber division' },
        actionable: false,
        tone: 'neutral',
        more: null,
      },
    ),
  ];
  if (p.permissions.has('intake.write')) {
    const due = db
      .selectFrom('consultation as c')
      .select(['c.id', 'c.ref_no', 'c.summary', 'c.next_follow_up_at'])
      .where('c.received_by', '=', p.userId)
      .where('c.status', '!=', 'closed')
      .where('c.next_follow_up_at', '<=', new Date(now.getTime() + FOLLOW_UP_AHEAD_MS).toISOString())
      .where(readableConsultation(p));
    out.push(
      section(
        due,
        (q) => q.orderBy('c.next_follow_up_at'),
        (r) => ({
          id: r.id,
          title: record(r),
          detail: null,
          link: `/intake/${r.id}#timeline`,
          at: r.next_follow_up_at,
          atKind: 'due',
          tone: r.next_follow_up_at && r.next_follow_up_at <= now.toISOString() ? 'danger' : 'warning',
        }),
        {
          key: 'intake.followUps.due',
          label: { ja: '相談者への経過連絡（期限が近いもの）', en: 'Follow-up calls to complainants due' },
          actionable: true,
          tone: 'warning',
          more: null,
        },
      ),
    );
  }
  const mine = db
    .selectFrom('access_request as r')
    .innerJoin('indicator as i', 'i.id', 'r.indicator_id')
    .select(['r.id', 'r.state', 'r.created_at', 'r.decided_at', 'r.shared', 'r.decision_reason', 'r.indicator_id', 'i.type', 'i.value'])
    .where('r.requester_unit_id', '=', p.unitId)
    .where((w) => w.or([w('r.state', '=', 'pending'), w('r.decided_at', '>=', since)]));
  out.push(
    section(
      mine,
      (q) => q.orderBy('r.created_at', 'desc'),
      (r) => ({
        id: r.id,
        title: indicator(r.type, r.value),
        detail:
          r.state === 'pending'
            ? { ja: 'サイバー課の判断待ち', en: 'Awaiting the cyber division' }
            : r.state === 'approved'
              ? { ja: `承認: ${Number(r.shared)} 件が共有されました`, en: `Approved: ${Number(r.shared)} records shared` }
              : { ja: `不承認: ${r.decision_reason ?? ''}`, en: `Declined: ${r.decision_reason ?? ''}` },
        link: `/indicators/${Number(r.indicator_id)}`,
        at: r.decided_at ?? r.created_at,
        atKind: 'since',
        tone: r.state === 'declined' ? 'warning' : 'neutral',
      }),
      {
        key: 'intake.accessRequests.mine',
        label: { ja: '所属からの閲覧依頼', en: "My unit's access requests" },
        actionable: false,
        tone: 'neutral',
        more: null,
      },
    ),
  );
  return out;
}

/**
 * This year's intake and reporting, as figures: the progress of directive item 2(1)(3)
 * (consultations, station↔HQ sharing). Aggregates only; a unit-scoped reader's figures cover
 * what it may read, a prefecture-wide or aggregate-only role's cover the prefecture.
 */
async function progressSection(db: Db, p: Principal, now: Date): Promise<WorkSection> {
  const year = jstYear(now.toISOString());
  const yearStart = new Date(Date.UTC(year, 0, 1) - 9 * 3600_000).toISOString();
  const jst = new Date(now.getTime() + 9 * 3600_000);
  const monthStart = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), 1) - 9 * 3600_000).toISOString();
  const scoped = <Q extends SelectQueryBuilder<Database & { c: Database['consultation'] }, 'c', object>>(q: Q): Q =>
    (p.scope === 'unit' ? q.where(readableConsultation(p)) : q) as Q;
  const consultations = await scoped(db.selectFrom('consultation as c'))
    .select([
      sql<number>`count(*)`.as('year'),
      sql<number>`sum(case when c.received_at >= ${monthStart} then 1 else 0 end)`.as('month'),
      sql<number>`sum(case when c.escalation != 'none' then 1 else 0 end)`.as('reported'),
      sql<number>`sum(case when c.status = 'closed' then 1 else 0 end)`.as('closed'),
    ])
    .where('c.received_at', '>=', yearStart)
    .executeTakeFirstOrThrow();
  let esc = db
    .selectFrom('escalation as e')
    .innerJoin('consultation as c', 'c.id', 'e.consultation_id')
    .select([
      sql<number>`count(*)`.as('raised'),
      sql<number>`sum(case when e.acknowledged_at is not null and e.acknowledged_at <= e.due_at then 1 else 0 end)`.as('onTime'),
      sql<number>`sum(case when e.state in ('pending', 'overdue') then 1 else 0 end)`.as('waiting'),
      sql<number>`sum(case when e.state = 'guided' then 1 else 0 end)`.as('guided'),
    ])
    .where('e.raised_at', '>=', yearStart);
  if (p.scope === 'unit') esc = esc.where(readableConsultation(p));
  const e = await esc.executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  const raised = n(e.raised);
  const figure = (ja: string, en: string, value: number, unit: Localized = { ja: '件', en: '' }): WorkFigure => ({
    label: { ja, en },
    value,
    unit,
  });
  const figures = [
    figure(`${year}年の相談等受理`, `Consultations in ${year}`, n(consultations.year)),
    figure('うち今月', 'This month', n(consultations.month)),
    figure('サイバー課への報告', 'Reported to the cyber division', raised),
    figure('期限内に確認された報告の割合', 'Reports acknowledged in time', raised === 0 ? 0 : Math.round((n(e.onTime) / raised) * 100), {
      ja: '%',
      en: '%',
    }),
    figure('指導済の報告', 'Reports answered with guidance', n(e.guided)),
    figure('確認待ちの報告（現在）', 'Reports awaiting acknowledgement now', n(e.waiting)),
    figure('終結した相談', 'Consultations closed', n(consultations.closed)),
  ];
  return {
    key: 'intake.progress',
    domain: 'intake',
    label: {
      ja: `推進項目 2(1)(3) 相談受理と署・本部の連携（${year}年）`,
      en: `Item 2(1)(3): intake and station–HQ coordination (${year})`,
    },
    count: 0,
    actionable: false,
    tone: 'neutral',
    items: [],
    more: null,
    figures,
  };
}

export function intakeWorklist(db: Db): WorklistProvider {
  return async (p, now) => {
    const parts: Promise<WorkSection>[] = [];
    if (p.permissions.has('intake.escalations.handle')) parts.push(...handlerSections(db, p));
    // Stations follow their own reports; prefecture-wide roles are the ones who answer them.
    if (p.permissions.has('intake.read') && p.scope === 'unit') parts.push(...stationSections(db, p, now));
    if (p.permissions.has('dashboard.read')) parts.push(progressSection(db, p, now));
    return Promise.all(parts);
  };
}
