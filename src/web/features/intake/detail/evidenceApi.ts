import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, apiUpload } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

const evidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  declaredType: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
const evidenceList = z.object({ items: z.array(evidenceSchema) });

const filesPath = (id: string) => `/api/intake/consultations/${encodeURIComponent(id)}/files`;

/** Under the record's key: invalidating the record (after an upload) refreshes its files too. */
export const evidenceKey = (id: string) => [...intakeKeys.detail(id), 'files'] as const;

/** GET …/files (intake.read): the record's evidence files, oldest first, each with its SHA-256. */
export const evidenceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: evidenceKey(id),
    queryFn: ({ signal }) => apiRequest(filesPath(id), { schema: evidenceList, signal }),
    select: (data) => data.items,
  });

/** GET …/files/:fileId: always sent as a download (never shown in the browser); the read is audited. */
export const evidenceUrl = (id: string, fileId: string) => `${filesPath(id)}/${encodeURIComponent(fileId)}`;

/** POST …/files?name=… (intake.write, owning unit): the raw bytes; 413 when over the server's limit. */
export function attachEvidence({ id, file }: { id: string; file: File }) {
  return apiUpload(`${filesPath(id)}?name=${encodeURIComponent(file.name)}`, file, {
    headers: file.type ? { 'x-declared-type': file.type } : {},
    schema: evidenceSchema,
  });
}
