import type { Kysely } from 'kysely';
import type { IndicatorRole, RelatedNotice } from '../../../contracts/indicators.contracts.js';
import type { Database } from '../../core/db/db.schema.js';
import type { Principal } from '../../core/http/http.principal.js';
import { type RecordLabeler, type RecordRef, recordKey } from '../../core/module/module.records.js';
import { valueAttributesOrNone } from './indicators.display.js';
import { relatedRecords } from './indicators.queries.js';

type Viewer = Pick<Principal, 'scope' | 'unitId' | 'userId'>;

export interface NoticeDeps {
  db: Kysely<Database>;
  /** Titles and links of records of every domain (core/module record types). */
  labelRecords: RecordLabeler;
}

/** The values sighted in one record, with the role each plays there (a victim's own, or not). */
export async function indicatorsOfRecord(db: Kysely<Database>, rec: RecordRef) {
  const rows = await db
    .selectFrom('sighting as s')
    .innerJoin('indicator as i', 'i.id', 's.indicator_id')
    .select(['i.id', 'i.type', 'i.value', 's.role'])
    .distinct()
    .where('s.record_type', '=', rec.recordType)
    .where('s.record_id', '=', rec.recordId)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    value: r.value,
    role: r.role as IndicatorRole,
    attributes: valueAttributesOrNone(r.type, r.value),
  }));
}

/**
 * For each value, the other records that hold it, within need-to-know: records the reader may
 * open by number, title and unit (whatever their domain: a consultation, a case), the rest only as
 * a count. One mechanism for every page that tells an officer "this number is known elsewhere".
 */
export async function relatedNotices(
  deps: NoticeDeps,
  v: Viewer,
  indicators: { id: number; type: string; value: string }[],
  exclude?: RecordRef,
): Promise<RelatedNotice[]> {
  if (indicators.length === 0) return [];
  const rel = await relatedRecords(
    deps.db,
    v,
    indicators.map((i) => i.id),
    exclude,
    100,
  );
  const labels = await deps.labelRecords(rel.visible);
  const unitIds = [...new Set(rel.visible.map((r) => r.unitId).filter((u): u is string => u !== null))];
  const units = new Map(
    (unitIds.length ? await deps.db.selectFrom('unit').select(['id', 'name', 'name_en']).where('id', 'in', unitIds).execute() : []).map(
      (u) => [u.id, u],
    ),
  );
  const out: RelatedNotice[] = [];
  for (const ind of indicators) {
    const visible = rel.visible.flatMap((r) => {
      const label = labels.get(recordKey(r.recordType, r.recordId));
      // A record its domain no longer labels (deleted, still staged) is not offered as a link.
      if (!r.indicatorIds.includes(ind.id) || !label) return [];
      const unit = r.unitId ? units.get(r.unitId) : undefined;
      return [
        {
          recordType: r.recordType,
          id: r.recordId,
          title: label.title,
          link: label.link,
          unitId: r.unitId,
          unitName: unit?.name ?? '',
          unitNameEn: unit?.name_en ?? '',
        },
      ];
    });
    const hidden = rel.hiddenByIndicator[ind.id] ?? 0;
    if (visible.length > 0 || hidden > 0) {
      out.push({ type: ind.type, value: ind.value, attributes: valueAttributesOrNone(ind.type, ind.value), visible, hidden });
    }
  }
  return out;
}
