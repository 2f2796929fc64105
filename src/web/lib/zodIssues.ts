import type { z } from 'zod';

/**
 * Top-level fields that failed validation. Forms use it with the contract schemas and show their
 * own translated text per field (the contracts' messages are Japanese only, or zod's English).
 */
export function invalidFields(error: z.ZodError): ReadonlySet<string> {
  return new Set(error.issues.map((issue) => String(issue.path[0] ?? '')));
}
