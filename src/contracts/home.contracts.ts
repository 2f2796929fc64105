import { z } from 'zod';

/**
 * ホーム: what needs the signed-in person now. Each domain contributes sections (its "work
 * items") through the `worklist` hook of its server module; one endpoint gathers them and the
 * navigation shows the counts. A section's label travels with it, so a new domain's work shows
 * on the home page without a change to the web shell.
 */
export const localizedSchema = z.object({ ja: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;

export const workToneSchema = z.enum(['danger', 'warning', 'info', 'neutral']);
export type WorkTone = z.infer<typeof workToneSchema>;

export const workItemSchema = z.object({
  id: z.string(),
  /**
   * What a person recognises the item by (受理番号 and 件名, say), in both languages: the server
   * renders it from data when asked, so a unit or a type reads in English in the English UI.
   */
  title: localizedSchema,
  /** One more line: where it came from, what is asked. */
  detail: localizedSchema.nullable(),
  /** Path inside the web app that opens the item where the work is (an anchor included). */
  link: z.string(),
  /** The time that matters for the item (a deadline, when it arrived), UTC ISO. */
  at: z.string().nullable(),
  /** What `at` is: a deadline or when it arrived. */
  atKind: z.enum(['due', 'since']).nullable(),
  tone: workToneSchema,
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const workFigureSchema = z.object({ label: localizedSchema, value: z.number(), unit: localizedSchema });
export type WorkFigure = z.infer<typeof workFigureSchema>;

export const workSectionSchema = z.object({
  /** Stable key, `<domain>.<what>` (e.g. `intake.escalations.overdue`). */
  key: z.string(),
  /** The navigation entry (domains.contracts.ts key) the section belongs to. */
  domain: z.string(),
  label: localizedSchema,
  /** Everything of this kind the person may read (the items are the first few). */
  count: z.number(),
  /** Counts towards the navigation badge: it waits for this person to act. */
  actionable: z.boolean(),
  tone: workToneSchema,
  items: z.array(workItemSchema),
  /** The full list, when there is one. */
  more: z.string().nullable(),
  /** Figures instead of items: a summary (the executive's progress of the strategy). */
  figures: z.array(workFigureSchema).optional(),
});
export type WorkSection = z.infer<typeof workSectionSchema>;

export const homeResponseSchema = z.object({
  sections: z.array(workSectionSchema),
  /** Per navigation entry: what waits for the person there (sum of actionable sections). */
  counts: z.record(z.string(), z.number()),
  /** Sum of `counts`. */
  total: z.number(),
});
export type HomeResponse = z.infer<typeof homeResponseSchema>;
