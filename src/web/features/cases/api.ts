import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseCreate, CaseListQuery, CaseTransition, CaseUpdate, caseCreateSchema } from '../../../contracts/cases.contracts.js';
import { casesEndpoints as ep } from '../../../contracts/cases.endpoints.js';
import type { CaseTaskUpdate, caseTaskCreateSchema } from '../../../contracts/cases.tasks.contracts.js';
import { intakeEndpoints } from '../../../contracts/intake.endpoints.js';
import { call } from '../../api/client.js';

export type CaseListPageQuery = Pick<CaseListQuery, 'status' | 'category' | 'leadUserId' | 'page' | 'pageSize'>;
export type CaseCreateInput = z.input<typeof caseCreateSchema>;
export type { CaseCreate, CaseTransition };

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: CaseListPageQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  byConsultation: (id: string) => ['cases', 'by-consultation', id] as const,
  assignees: (id: string) => ['cases', 'assignees', id] as const,
  myTasks: (mineOnly: boolean) => ['cases', 'my-tasks', mineOnly] as const,
  templates: ['cases', 'task-templates'] as const,
  memberChoices: (id: string, q: string) => ['cases', 'member-choices', id, q] as const,
};
export type CaseTaskCreateInput = z.input<typeof caseTaskCreateSchema>;

/** GET /api/cases (cases.read): the cases the caller may read, newest first, one page. */
export const caseListQueryOptions = (query: CaseListPageQuery) =>
  queryOptions({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => call(ep.listCases, { query, signal }),
  });

/** GET /api/cases/:id: the case with its version and the statuses the caller may move it to. */
export const caseDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => call(ep.getCase, { params: { id }, signal }),
  });

/** GET /api/cases/by-consultation/:id (intake.read): number and status of the cases a consultation became. */
export const consultationCasesQueryOptions = (consultationId: string) =>
  queryOptions({
    queryKey: caseKeys.byConsultation(consultationId),
    queryFn: ({ signal }) => call(ep.consultationCases, { params: { id: consultationId }, signal }),
  });

/**
 * GET /api/intake/modus: 手口 names for a case's classification. Cases reuse intake's codes, so the
 * list is asked from its contract under intake's own query key (one cache entry for both features).
 */
export const modusNamesQueryOptions = queryOptions({
  queryKey: ['intake', 'modus'] as const,
  queryFn: ({ signal }) => call(intakeEndpoints.listModus, { signal }),
  staleTime: 5 * 60_000,
});

export function createCase(body: CaseCreateInput) {
  return call(ep.createCase, { body });
}

export function updateCase({ id, body }: { id: string; body: CaseUpdate }) {
  return call(ep.updateCase, { params: { id }, body });
}

export function transitionCase({ id, body }: { id: string; body: CaseTransition }) {
  return call(ep.transitionCase, { params: { id }, body });
}

/** GET /api/cases/:id/assignees (cases.write): the people and units a task of the case may be for. */
export const taskAssigneesQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: caseKeys.assignees(caseId),
    queryFn: ({ signal }) => call(ep.taskAssignees, { params: { id: caseId }, signal }),
  });

/** GET /api/cases/my-tasks: the caller's open tasks (and, unless mineOnly, their unit's unassigned ones). */
export const myTasksQueryOptions = (mineOnly: boolean) =>
  queryOptions({
    queryKey: caseKeys.myTasks(mineOnly),
    queryFn: ({ signal }) => call(ep.myTasks, { query: { mineOnly: mineOnly ? 'true' : 'false', limit: 200 }, signal }),
  });

/** GET /api/cases/task-templates: the checklists per 手口 (which cases may be given one). */
export const taskTemplatesQueryOptions = queryOptions({
  queryKey: caseKeys.templates,
  queryFn: ({ signal }) => call(ep.listTaskTemplates, { signal }),
  staleTime: 5 * 60_000,
});

export function createTask({ caseId, body }: { caseId: string; body: CaseTaskCreateInput }) {
  return call(ep.createTask, { params: { id: caseId }, body });
}

export function applyTaskTemplate({ caseId }: { caseId: string }) {
  return call(ep.applyTaskTemplate, { params: { id: caseId }, body: {} });
}

export function updateTask({ caseId, taskId, body }: { caseId: string; taskId: string; body: CaseTaskUpdate }) {
  return call(ep.updateTask, { params: { id: caseId, taskId }, body });
}

/** POST /api/cases/:id/notes: a 捜査メモ on the case's timeline; its values are read like the narrative's. */
export function addCaseNote({ id, text }: { id: string; text: string }) {
  return call(ep.addCaseNote, { params: { id }, body: { text } });
}

/** GET /api/cases/:id/member-choices (cases.write): officers of other units who may join the team, by name. */
export const memberChoicesQueryOptions = (caseId: string, q: string) =>
  queryOptions({
    queryKey: caseKeys.memberChoices(caseId, q),
    queryFn: ({ signal }) => call(ep.caseMemberChoices, { params: { id: caseId }, query: q ? { q } : {}, signal }),
    staleTime: 30_000,
  });

export function addCaseMember({ id, userId }: { id: string; userId: string }) {
  return call(ep.addCaseMember, { params: { id }, body: { userId } });
}

export function removeCaseMember({ id, userId }: { id: string; userId: string }) {
  return call(ep.removeCaseMember, { params: { id, userId } });
}

/** PUT /api/cases/task-templates/:modus (intake.settings.manage): replace a 手口's checklist. */
export function putTaskTemplate({ modus, items }: { modus: string; items: { title: string; days: number | null }[] }) {
  return call(ep.putTaskTemplate, { params: { modus }, body: { items } });
}
