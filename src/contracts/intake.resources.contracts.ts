import { z } from 'zod';
import { intakeStatus, listQuerySchema } from './intake.contracts.js';

/**
 * Intake shapes beside the consultation itself: evidence files, saved views, the register
 * import, access requests and sharing, and what mutations answer. Once here, the web app
 * no longer keeps its own copies.
 */

export const evidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  declaredType: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  query: listQuerySchema.omit({ page: true, pageSize: true }),
});

/** The fields a register column can be mapped to (the server holds their aliases). */
export const importFieldIds = [
  'receivedAt',
  'kind',
  'channel',
  'category',
  'modus',
  'summary',
  'narrative',
  'damageAmount',
  'paymentMethod',
  'complainantType',
  'complainantName',
  'complainantAddress',
  'complainantPhone',
  'disposition',
] as const;
export const importFieldSchema = z.enum(importFieldIds);
/** CSV header → field, or null for a column that is not imported. */
export const importMappingSchema = z.record(z.string(), importFieldSchema.nullable());

/** base64 keeps the JSON body simple; 40 M characters ≈ 30 MB of CSV. */
const csvContent = z.base64('ファイルの内容は base64 で送ってください').max(40_000_000);
export const IMPORT_BODY_LIMIT = 48 * 1024 * 1024;
export const importPreviewRequestSchema = z.strictObject({ content: csvContent });
export const importPreviewSchema = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  rows: z.number(),
  mapping: importMappingSchema,
  /** Field id → Japanese label (受理日時, 分類, …). */
  fields: z.record(z.string(), z.string()),
});
export const importRequestSchema = z.strictObject({
  content: csvContent,
  mapping: importMappingSchema,
  skipInvalid: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export const importResultSchema = z.object({
  encoding: z.string(),
  rows: z.number(),
  imported: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});

const reason = (message: string) => z.string().trim().min(2, message).max(500);
export const accessRequestSchema = z.strictObject({
  type: z.string().min(1).max(20),
  value: z.string().min(1).max(2000),
  reason: reason('依頼理由を入力してください'),
});
export const shareRequestSchema = z.strictObject({
  unitId: z.string().min(1).max(64),
  reason: reason('共有理由を入力してください'),
  /** Also let the unit reveal the personal fields (with a reason, audited); reading and search never do. */
  allowReveal: z.boolean().default(false),
});

export const exportQuerySchema = listQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv'), encoding: z.enum(['utf8', 'sjis']).default('utf8') });

/** What a create answers: the record's id, and whether it is new (false: the draft's key was used before). */
export const createdSchema = z.object({ id: z.string(), created: z.boolean() });
/** What an edit answers: enough to continue editing (the next version) without reading the record again. */
export const updatedSchema = z.object({ id: z.string(), version: z.number(), status: intakeStatus.schema });
export const noteAddedSchema = z.object({ id: z.string() });
export const escalatedSchema = z.object({ id: z.string(), escalationId: z.string() });
export const sharedSchema = z.object({ id: z.string(), unitId: z.string() });
