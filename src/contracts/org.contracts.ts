import { z } from 'zod';
import { roleSchema, unitKindSchema } from './roles.contracts.js';

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
  prefectureWide: z.boolean(),
  /** Shared mailbox for notifications (e.g. escalations to サイバー課). */
  email: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, '英大文字・数字・ハイフン（2〜40文字）');

export const unitCreateSchema = z.strictObject({
  code: unitCodeSchema,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
  prefectureWide: z.boolean().default(false),
  email: z.email('メールアドレスの形式が正しくありません').nullable().default(null),
});
/** Only the fields sent change: no defaults here, or a PATCH of the name would reset other fields. */
export const unitUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    kind: unitKindSchema,
    parentId: z.string().nullable(),
    prefectureWide: z.boolean(),
    email: z.email('メールアドレスの形式が正しくありません').nullable(),
  })
  .partial();

export const userSchema = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitId: z.string(),
  unitName: z.string(),
  unitNameEn: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.strictObject({
  unitId: z.string().optional(),
  role: roleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const loginIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '英小文字・数字・「._-」（3〜64文字）');

export const userCreateSchema = z.strictObject({
  loginId: loginIdSchema,
  displayName: z.string().trim().min(1).max(100),
  unitId: z.string(),
  role: roleSchema,
});
export const userUpdateSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(100),
    unitId: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
  })
  .partial();

/** A temporary password, shown once to the administrator; the user must change it at first login. */
export const temporaryPasswordSchema = z.object({ user: userSchema, temporaryPassword: z.string() });
