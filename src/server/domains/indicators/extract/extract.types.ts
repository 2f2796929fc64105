import type { CandidateReason, CandidateStatus, ExtractionHit, IndicatorType } from '../../../../contracts/indicators.contracts.js';

export type Hit = ExtractionHit;
export type { IndicatorType };

/** What every detector receives: the original text and its width-folded copy (same offsets). */
export interface Scan {
  text: string;
  folded: string;
}

export const hit = (
  type: IndicatorType,
  value: string,
  scan: Scan,
  start: number,
  end: number,
  defanged: boolean,
  attributes?: Record<string, string>,
): Hit => ({
  type,
  value,
  raw: scan.text.slice(start, end),
  start,
  end,
  defanged,
  ...(attributes ? { attributes } : {}),
});

/** The same hit marked as a candidate for a person to confirm (see candidateStatuses). */
export const asCandidate = (h: Hit, status: CandidateStatus, reasons: CandidateReason[]): Hit => ({ ...h, status, reasons });
