import type { z } from 'zod';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import type { importMappingSchema, importPreviewSchema, importResultSchema } from '../../../../contracts/intake.resources.contracts.js';
import { call } from '../../../api/client.js';

/** CSV header → field id, or null for a column that is not imported (the server checks the ids). */
export type Mapping = Record<string, string | null>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type RowError = ImportResult['errors'][number];

/** Largest file accepted: its base64 (4/3 larger) must stay within the server's 40,000,000 characters. */
export const IMPORT_MAX_BYTES = 30_000_000;

/** POST /api/intake/import/preview (intake.import): encoding, headers, first rows and a suggested mapping. */
export function previewImport(content: string) {
  return call(ep.importPreview, { body: { content } });
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
  // The mapping table offers only the server's own field ids (from the preview); the server validates them again.
  return call(ep.importRegister, { body: { ...body, mapping: body.mapping as z.input<typeof importMappingSchema> } });
}
