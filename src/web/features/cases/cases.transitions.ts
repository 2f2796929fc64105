import type { CaseDetail, CaseStatus } from '../../../contracts/cases.contracts.js';

/** The fields a status form may ask for; each is a body field of POST /api/cases/:id/status. */
export type TransitionField = 'arrestedCount' | 'referredOn' | 'dropReason' | 'reason';

export interface AskedField {
  field: TransitionField;
  required: boolean;
}

/**
 * What the form asks for a change from `from` to `to`. The server's lifecycle (cases.lifecycle.ts,
 * which the web app may not import) is the judge; this mirrors it so officers are asked up front:
 * closing needs the result (検挙人員 and 送致日 after 送致・検挙, 打切り理由 after 打切り) and a
 * reopen needs a reason. The result is also asked, optionally, when the case enters 送致・検挙 or
 * 打切り, since that is when the officer knows it; a reason to discontinue is asked there as well.
 */
export function askedFields(from: CaseStatus, to: CaseStatus): AskedField[] {
  if (to === 'cleared') {
    return [
      { field: 'arrestedCount', required: false },
      { field: 'referredOn', required: false },
    ];
  }
  if (to === 'dropped') return [{ field: 'dropReason', required: true }];
  if (from === 'cleared' && to === 'closed') {
    return [
      { field: 'arrestedCount', required: true },
      { field: 'referredOn', required: true },
    ];
  }
  if (from === 'dropped' && to === 'closed') return [{ field: 'dropReason', required: true }];
  if (from === 'closed' && to === 'investigating') return [{ field: 'reason', required: true }];
  return [];
}

/** The stored value of a field, as the form's text (a reopen reason is never stored on the case). */
export function storedValue(detail: CaseDetail, field: TransitionField): string {
  if (field === 'arrestedCount') return detail.arrestedCount === null ? '' : String(detail.arrestedCount);
  if (field === 'referredOn') return detail.referredOn ?? '';
  if (field === 'dropReason') return detail.dropReason ?? '';
  return '';
}
