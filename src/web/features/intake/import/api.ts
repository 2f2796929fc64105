import { z } from 'zod';
import { apiRequest } from '../../../api/client.js';

/** CSV header → field id, or null for a column that is not imported. */
export type Mapping = Record<string, string | null>;

const previewSchema = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  rows: z.number(),
  mapping: z.record(z.string(), z.string().nullable()),
  /** Field id → Japanese label (受理日時, 分類, …). */
  fields: z.record(z.string(), z.string()),
});
export type ImportPreview = z.infer<typeof previewSchema>;

const resultSchema = z.object({
  encoding: z.string(),
  rows: z.number(),
  imported: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof resultSchema>;
export type RowError = ImportResult['errors'][number];

/** Largest file accepted: its base64 (4/3 larger) must stay within the server's 40,000,000 characters. */
export const IMPORT_MAX_BYTES = 30_000_000;

/** POST /api/intake/import/preview (intake.import): encoding, headers, first rows and a suggested mapping. */
export function previewImport(content: string) {
  return apiRequest('/api/intake/import/preview', { method: 'POST', body: { content }, schema: previewSchema });
}

export interface ImportRequest {
  content: string;
  mapping: Mapping;
  skipInvalid: boolean;
  dryRun: boolean;
}

/**
 * POST /api/intake/import: every row is checked first. With errors and without skipInvalid the
 * answer is 400 intake.import_invalid (details「3行目.category」) and nothing is written.
 */
export function runImport(body: ImportRequest) {
  return apiRequest('/api/intake/import', { method: 'POST', body, schema: resultSchema });
}
