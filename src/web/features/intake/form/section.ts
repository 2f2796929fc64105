import type { IntakeDraft } from './draft.js';
import type { FieldErrors } from './toInput.js';
import type { DraftStore } from './useDraftStore.js';

/** What every part of the intake form receives. */
export interface SectionProps {
  draft: IntakeDraft;
  update: DraftStore['update'];
  errors: FieldErrors;
}

/** Shallow change of the draft. */
export const patch = (update: DraftStore['update'], change: Partial<IntakeDraft>) => update((draft) => ({ ...draft, ...change }));
