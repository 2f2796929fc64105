import { z } from 'zod';
import { auditQuerySchema } from '../contracts/audit.contracts.js';
import { loginIdSchema, unitCodeSchema } from '../contracts/org.contracts.js';
import { roleSchema, unitKindSchema } from '../contracts/roles.contracts.js';
import { type CliErrorCode, cliErrors } from './cli.errors.js';

/**
 * Command-line input checked with the same zod schemas as the API (src/contracts), so a unit
 * code or a login id the server would refuse is refused here first, with a dotted code.
 */
export const cliInput = {
  unitCode: unitCodeSchema,
  loginId: loginIdSchema,
  role: roleSchema,
  unitKind: unitKindSchema,
  /** A day (2026-04-01, read as UTC midnight) or an ISO 8601 instant, as the audit query takes. */
  date: z.union([z.iso.date(), auditQuerySchema.shape.from.unwrap(), z.iso.datetime({ offset: true })]),
  /** Indicator feeds: CSV (type,value) or JSON Lines; `-` reads CSV from stdin. */
  feedFile: z.string().regex(/^-$|\.(csv|jsonl|ndjson)$/i, '.csv / .jsonl / .ndjson'),
  displayName: z.string().trim().min(1).max(100),
};

/** The parsed value, or an AppError `code` naming the value and the schema's reason. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, code: CliErrorCode): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const reason = r.error.issues[0]?.message ?? '';
  throw cliErrors.create(
    code,
    { value: String(value), reason },
    { details: r.error.issues.map((i) => ({ path: code, message: i.message })) },
  );
}
