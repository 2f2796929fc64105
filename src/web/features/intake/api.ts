import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConsultationInput,
  ConsultationUpdate,
  escalateRequestSchema,
  ListFilters,
  ListQuery,
  listResponseSchema,
  noteRequestSchema,
  previewRequestSchema,
  previewResponseSchema,
  revealRequestSchema,
  revealResponseSchema,
  statsResponseSchema,
} from '../../../contracts/intake.contracts.js';
import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { call, download } from '../../api/client.js';

export type ListResponse = z.infer<typeof listResponseSchema>;
export type ListItem = ListResponse['items'][number];
export type Stats = z.infer<typeof statsResponseSchema>;
export type Preview = z.infer<typeof previewResponseSchema>;
export type PreviewRequest = z.input<typeof previewRequestSchema>;
export type RevealResult = z.infer<typeof revealResponseSchema>;
export type RevealRequest = z.input<typeof revealRequestSchema>;
export type NoteRequest = z.input<typeof noteRequestSchema>;
export type EscalateRequest = z.input<typeof escalateRequestSchema>;
/** Filters of the list and the counts (the list adds paging and its order). */
export type { ListFilters };
export type ListPageQuery = ListFilters & Pick<ListQuery, 'page' | 'pageSize'> & Partial<Pick<ListQuery, 'sort' | 'order'>>;

export const intakeKeys = {
  all: ['intake'] as const,
  list: (query: ListPageQuery) => ['intake', 'list', query] as const,
  stats: (filters: ListFilters) => ['intake', 'stats', filters] as const,
  detail: (id: string) => ['intake', 'detail', id] as const,
  preview: (narrative: string) => ['intake', 'preview', narrative] as const,
  escalations: ['intake', 'escalations'] as const,
  modus: ['intake', 'modus'] as const,
  rules: ['intake', 'rules'] as const,
  views: ['intake', 'views'] as const,
};

/** GET /api/intake/consultations (intake.read): newest first, or search hits with snippets when `q` is set. */
export const listQueryOptions = (query: ListPageQuery) =>
  queryOptions({
    queryKey: intakeKeys.list(query),
    queryFn: ({ signal }) => call(ep.listConsultations, { query, signal }),
  });

/** GET /api/intake/stats: counts per station, category and 手口 for the same filters. */
export const statsQueryOptions = (filters: ListFilters) =>
  queryOptions({
    queryKey: intakeKeys.stats(filters),
    queryFn: ({ signal }) => call(ep.stats, { query: filters, signal }),
  });

/** GET /api/intake/consultations/:id: personal fields masked. */
export const detailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: intakeKeys.detail(id),
    queryFn: ({ signal }) => call(ep.getConsultation, { params: { id }, signal }),
  });

/** POST /api/intake/preview (intake.write): indicators in a narrative being typed, and who else has seen them. */
export const previewQueryOptions = (narrative: string, parties: Omit<PreviewRequest, 'narrative'> = {}) =>
  queryOptions({
    queryKey: [...intakeKeys.preview(narrative), parties] as const,
    queryFn: ({ signal }) => call(ep.preview, { body: { narrative, ...parties }, signal }),
    staleTime: 60_000,
  });

/** Banks or (with a bank code) its branches whose name or code matches what the officer typed. */
export const bankChoicesQueryOptions = (q: string, bankCode?: string) =>
  queryOptions({
    queryKey: ['intake', 'banks', bankCode ?? '', q] as const,
    queryFn: ({ signal }) =>
      bankCode ? call(ep.branches, { params: { bankCode }, query: { q }, signal }) : call(ep.banks, { query: { q }, signal }),
    staleTime: 10 * 60_000,
  });

/** POST /api/intake/consultations: the new id; 201 new, 200 when the draft's idempotency key was already used. */
export function createConsultation(input: ConsultationInput) {
  return call(ep.createConsultation, { body: input });
}

/** PATCH with the version that was edited: the next version; 409 intake.version_conflict when someone else saved first. */
export function updateConsultation({ id, body }: { id: string; body: ConsultationUpdate }) {
  return call(ep.updateConsultation, { params: { id }, body });
}

/** POST …/reveal (intake.reveal): the personal fields in full; the reason goes to the audit trail. */
export function revealPersonal({ id, body }: { id: string; body: RevealRequest }) {
  return call(ep.reveal, { params: { id }, body });
}

export function addNote({ id, body }: { id: string; body: NoteRequest }) {
  return call(ep.addNote, { params: { id }, body });
}

/** POST …/escalate: a manual report to サイバー課. */
export function escalateConsultation({ id, body }: { id: string; body: EscalateRequest }) {
  return call(ep.escalate, { params: { id }, body });
}

/** The three export files offered: CSV for Excel in either encoding, or a workbook. */
export type ExportKind = 'csvUtf8' | 'csvSjis' | 'xlsx';
const exportParams: Record<ExportKind, { format: 'csv' | 'xlsx'; encoding?: 'utf8' | 'sjis' }> = {
  csvUtf8: { format: 'csv', encoding: 'utf8' },
  csvSjis: { format: 'csv', encoding: 'sjis' },
  xlsx: { format: 'xlsx' },
};

/** GET /api/intake/export (intake.export): the list's filters, personal fields masked, audited. */
export async function exportConsultations({ filters, kind }: { filters: ListFilters; kind: ExportKind }) {
  const { format, encoding } = exportParams[kind];
  const file = await download(ep.exportConsultations, { query: { ...filters, format, encoding } });
  return { blob: file.blob, fileName: file.fileName ?? `consultations.${format}` };
}
