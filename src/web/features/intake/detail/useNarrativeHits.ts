import { useQuery } from '@tanstack/react-query';
import { indicatorTypeSchema } from '../../../../contracts/indicators.contracts.js';
import { type ConsultationDetail, NARRATIVE_MAX } from '../../../../contracts/intake.contracts.js';
import { useSession } from '../../../api/session.js';
import { hasPermission } from '../../../lib/permissions.js';
import type { HighlightableHit } from '../../indicators/index.js';
import { extractIndicators } from '../../indicators/index.js';
import { previewQueryOptions } from '../api.js';

/**
 * Where the record's indicators stand in its narrative. The record lists its indicators without
 * offsets, so the narrative is run through extraction again (the intake preview, or the indicator
 * extractor for readers who may not take in records) and only recorded indicators are kept, so
 * values the officer excluded stay plain.
 */
export function useNarrativeHits(detail: ConsultationDetail): HighlightableHit[] {
  const user = useSession()?.user;
  const text = detail.narrative;
  const viaPreview = hasPermission(user, 'intake.write');
  const viaExtract = !viaPreview && hasPermission(user, 'indicators.extract');
  const usable = text.trim().length > 0 && text.length <= NARRATIVE_MAX && detail.indicators.length > 0;
  const preview = useQuery({ ...previewQueryOptions(text), enabled: usable && viaPreview, retry: false });
  const extract = useQuery({
    queryKey: ['indicators', 'extract', text] as const,
    queryFn: () => extractIndicators(text),
    enabled: usable && viaExtract,
    staleTime: 60_000,
    retry: false,
  });
  const recorded = new Set(detail.indicators.map((item) => `${item.type}\u0000${item.value}`));
  const raw = viaPreview ? (preview.data?.hits ?? []) : (extract.data ?? []);
  const hits: HighlightableHit[] = [];
  for (const hit of raw) {
    const type = indicatorTypeSchema.safeParse(hit.type);
    if (!type.success || !recorded.has(`${hit.type}\u0000${hit.value}`)) continue;
    hits.push({ type: type.data, value: hit.value, raw: hit.raw, start: hit.start, end: hit.end, defanged: false });
  }
  return hits;
}
