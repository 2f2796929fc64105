import { z } from 'zod';
import { labelled } from './labels.js';

/**
 * A case's tasks (捜査事項): what someone must do for the investigation, by when. A task is for a
 * person or, when no person is named, for a unit; whoever it is for must be able to read the case.
 */
export const caseTaskStatus = labelled({
  todo: { ja: '未着手', en: 'To do' },
  doing: { ja: '対応中', en: 'In progress' },
  done: { ja: '完了', en: 'Done' },
  cancelled: { ja: '取りやめ', en: 'Cancelled' },
});
export type CaseTaskStatus = (typeof caseTaskStatus.keys)[number];
/** 未着手 and 対応中 are open: they appear in "my tasks" and can be overdue. */
export const openTaskStatuses: readonly CaseTaskStatus[] = ['todo', 'doing'];

const text = (max: number) => z.string().trim().min(1).max(max);
/** 期限: a calendar day in Japan. */
const day = z.iso.date();
const id = z.string().min(1).max(64);

export const caseTaskCreateSchema = z.strictObject({
  title: text(200),
  note: z.string().max(4000).default(''),
  /** 担当者: a person who may read the case. Leave out to give the task to a unit. */
  assigneeUserId: id.optional(),
  /** 担当所属: when no person is named; the owning unit or one the case is shared with. The lead when both are left out. */
  assigneeUnitId: id.optional(),
  dueOn: day.nullable().default(null),
});
export type CaseTaskCreate = z.infer<typeof caseTaskCreateSchema>;

/** An edit of a task: only what is sent changes. The assignee may change the status only. */
export const caseTaskUpdateSchema = z.strictObject({
  /** The version read; a newer one means someone changed the task since (409). */
  version: z.number().int().positive(),
  title: text(200).optional(),
  note: z.string().max(4000).optional(),
  assigneeUserId: id.nullable().optional(),
  assigneeUnitId: id.optional(),
  dueOn: day.nullable().optional(),
  status: caseTaskStatus.schema.optional(),
});
export type CaseTaskUpdate = z.infer<typeof caseTaskUpdateSchema>;

export const caseTaskSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  note: z.string(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  assigneeUnitId: z.string(),
  assigneeUnitName: z.string(),
  assigneeUnitNameEn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: caseTaskStatus.schema,
  /** Open and past its due date (JST), as of the answer. */
  overdue: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** The caller may edit it (the owning unit) or only move its status (the assignee). */
  canEdit: z.boolean(),
  canProgress: z.boolean(),
});
export type CaseTask = z.infer<typeof caseTaskSchema>;

export const caseTaskListSchema = z.object({ items: z.array(caseTaskSchema) });

/** "My tasks": the caller's open tasks and their unit's unassigned ones, across cases, soonest due first. */
export const myTaskSchema = caseTaskSchema.extend({ caseNo: z.string(), caseTitle: z.string(), mine: z.boolean() });
export type MyTask = z.infer<typeof myTaskSchema>;
export const myTasksQuerySchema = z.strictObject({
  /** Only the caller's own (not their unit's unassigned ones). */
  mineOnly: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const myTasksSchema = z.object({
  items: z.array(myTaskSchema),
  /** Open tasks in all, and those past their due date. */
  total: z.number(),
  overdue: z.number(),
  truncated: z.boolean(),
});

/** The checklist a 手口 starts from; `days` sets a line's due date from the day it is applied. */
export const taskTemplateItemSchema = z.strictObject({ title: text(200), days: z.number().int().min(0).max(365).nullable() });
export const taskTemplateSchema = z.object({ modus: z.string(), items: z.array(taskTemplateItemSchema) });
export const taskTemplatePutSchema = z.strictObject({ items: z.array(taskTemplateItemSchema).max(50) });
export const taskTemplatesSchema = z.object({ items: z.array(taskTemplateSchema) });

export const applyTemplateSchema = z.strictObject({
  /** The 手口 whose checklist to apply; the case's own when left out. */
  modus: z.string().min(1).max(40).optional(),
});
export const tasksCreatedSchema = z.object({ ids: z.array(z.string()) });
export const taskSavedSchema = z.object({ id: z.string(), version: z.number() });

/** Whom a task of a case may be for: people and units who may read the case. */
export const assigneeChoicesSchema = z.object({
  people: z.array(
    z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), unitNameEn: z.string().nullable() }),
  ),
  units: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() })),
});
