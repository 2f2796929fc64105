import { z } from 'zod';

/** A controlled list's labels: each identifier with the word officers use and its English. */
export type Labels<K extends string> = Record<K, { ja: string; en: string }>;

/** A controlled list: its identifiers, a zod enum of them, and their labels (one declaration). */
export function labelled<const K extends string>(labels: Labels<K>) {
  const keys = Object.keys(labels) as [K, ...K[]];
  // The officer's own words in the error: an imported register says 「詐欺」, not "fraud".
  const error = (iss: { input?: unknown }) => `「${String(iss.input)}」は選択できません（${keys.map((k) => labels[k].ja).join('、')}）`;
  return { keys, schema: z.enum(keys, { error }), labels };
}
