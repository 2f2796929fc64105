import { queryOptions } from '@tanstack/react-query';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import { call, endpointUrl, upload } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

export type { Evidence } from '../../../../contracts/intake.resources.contracts.js';

/** Under the record's key: invalidating the record (after an upload) refreshes its files too. */
export const evidenceKey = (id: string) => [...intakeKeys.detail(id), 'files'] as const;

/** GET …/files (intake.read): the record's evidence files, oldest first, each with its SHA-256. */
export const evidenceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: evidenceKey(id),
    queryFn: ({ signal }) => call(ep.listEvidence, { params: { id }, signal }),
    select: (data) => data.items,
  });

/** GET …/files/:fileId: always sent as a download (never shown in the browser); the read is audited. */
export const evidenceUrl = (id: string, fileId: string) => endpointUrl(ep.downloadEvidence, { id, fileId });

/** POST …/files?name=… (intake.write, owning unit): the raw bytes; 413 when over the server's limit. */
export function attachEvidence({ id, file }: { id: string; file: File }) {
  return upload(ep.attachEvidence, file, {
    params: { id },
    query: { name: file.name },
    headers: file.type ? { 'x-declared-type': file.type } : {},
  });
}
