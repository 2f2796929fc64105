import type { Cluster } from './api.js';

/**
 * Two-column layout of a cluster: records on the left, shared indicators on the right, edges
 * between them. Rows are ordered by a few barycentre sweeps so that connected nodes sit near
 * each other and edges cross less; that keeps ~50 nodes readable without a layout library.
 */
export interface RecordRef {
  recordType: string;
  recordId: string;
  unitId: string | null;
}

export interface PlacedRecord extends RecordRef {
  key: string;
  x: number;
  y: number;
  degree: number;
  origin: boolean;
}

export interface PlacedIndicator {
  id: number;
  x: number;
  y: number;
  degree: number;
}

export interface PlacedEdge {
  recordKey: string;
  indicatorId: number;
  path: string;
}

export interface ClusterLayout {
  width: number;
  height: number;
  records: PlacedRecord[];
  indicators: PlacedIndicator[];
  edges: PlacedEdge[];
}

export const GEOMETRY = {
  width: 760,
  margin: 8,
  /** Room for the column headings. */
  top: 36,
  nodeWidth: 290,
  nodeHeight: 44,
  rowGap: 10,
} as const;

export const recordKey = (record: { recordType: string; recordId: string }) => `${record.recordType}\u0000${record.recordId}`;

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Sort items by the mean position of their neighbours; those without neighbours keep their order at the end. */
function sweep<T>(items: readonly T[], neighbours: (item: T) => readonly number[]): T[] {
  const scored = items.map((item, index) => {
    const around = neighbours(item);
    return { item, index, score: around.length > 0 ? mean(around) : Number.POSITIVE_INFINITY };
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.map((entry) => entry.item);
}

export function layoutCluster(
  cluster: Pick<Cluster, 'records' | 'links'>,
  origin: { recordType: string; recordId: string },
): ClusterLayout {
  const originKey = recordKey(origin);
  const recordsByKey = new Map<string, RecordRef>();
  for (const record of cluster.records) recordsByKey.set(recordKey(record), record);
  // A link may name a record that is not listed (it should not happen); draw it anyway, unit unknown.
  for (const link of cluster.links) {
    const key = recordKey(link);
    if (!recordsByKey.has(key)) recordsByKey.set(key, { recordType: link.recordType, recordId: link.recordId, unitId: null });
  }

  const edgeKeys = new Set<string>();
  const byRecord = new Map<string, number[]>();
  const byIndicator = new Map<number, string[]>();
  for (const link of cluster.links) {
    const key = recordKey(link);
    const edgeKey = `${key}\u0000${link.indicatorId}`;
    if (edgeKeys.has(edgeKey)) continue;
    edgeKeys.add(edgeKey);
    byRecord.set(key, [...(byRecord.get(key) ?? []), link.indicatorId]);
    byIndicator.set(link.indicatorId, [...(byIndicator.get(link.indicatorId) ?? []), key]);
  }

  // Start with the origin first, then as the server listed them.
  let recordOrder = [...recordsByKey.keys()].sort((a, b) => Number(b === originKey) - Number(a === originKey));
  let indicatorOrder = [...byIndicator.keys()].sort((a, b) => a - b);
  for (let pass = 0; pass < 4; pass++) {
    const recordIndex = new Map(recordOrder.map((key, index) => [key, index]));
    indicatorOrder = sweep(indicatorOrder, (id) => (byIndicator.get(id) ?? []).map((key) => recordIndex.get(key) ?? 0));
    const indicatorIndex = new Map(indicatorOrder.map((id, index) => [id, index]));
    recordOrder = sweep(recordOrder, (key) => (byRecord.get(key) ?? []).map((id) => indicatorIndex.get(id) ?? 0));
  }

  const { width, margin, top, nodeWidth, nodeHeight, rowGap } = GEOMETRY;
  const row = nodeHeight + rowGap;
  const rows = Math.max(recordOrder.length, indicatorOrder.length, 1);
  // The shorter column is centred against the longer one.
  const offset = (count: number) => top + ((rows - count) * row) / 2;
  const leftX = margin;
  const rightX = width - margin - nodeWidth;

  const records: PlacedRecord[] = recordOrder.map((key, index) => {
    const record = recordsByKey.get(key) as RecordRef;
    return {
      ...record,
      key,
      x: leftX,
      y: offset(recordOrder.length) + index * row,
      degree: byRecord.get(key)?.length ?? 0,
      origin: key === originKey,
    };
  });
  const indicators: PlacedIndicator[] = indicatorOrder.map((id, index) => ({
    id,
    x: rightX,
    y: offset(indicatorOrder.length) + index * row,
    degree: byIndicator.get(id)?.length ?? 0,
  }));

  const recordAt = new Map(records.map((r) => [r.key, r]));
  const indicatorAt = new Map(indicators.map((i) => [i.id, i]));
  const edges: PlacedEdge[] = [];
  for (const edgeKey of edgeKeys) {
    const cut = edgeKey.lastIndexOf('\u0000');
    const key = edgeKey.slice(0, cut);
    const id = Number(edgeKey.slice(cut + 1));
    const from = recordAt.get(key);
    const to = indicatorAt.get(id);
    if (!from || !to) continue;
    const x1 = from.x + nodeWidth;
    const y1 = from.y + nodeHeight / 2;
    const x2 = to.x;
    const y2 = to.y + nodeHeight / 2;
    const bend = (x2 - x1) / 2;
    edges.push({ recordKey: key, indicatorId: id, path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}` });
  }

  return { width, height: top + rows * row + margin, records, indicators, edges };
}

/** Cut a label to roughly `maxEm` em: full-width characters count 1, others about half. */
export function fitLabel(text: string, maxEm: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    const w = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 1 : 0.6;
    if (used + w > maxEm) return `${out}…`;
    used += w;
    out += char;
  }
  return out;
}

/** Long record ids (UUIDs) shortened for a node label; the full id stays in its name and title. */
export function shortRecordId(recordId: string): string {
  return recordId.length > 12 ? `${recordId.slice(0, 8)}…` : recordId;
}
