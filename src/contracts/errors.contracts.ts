import { z } from 'zod';

/** Body of every error response: a dotted code the client can branch on, a message for people. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    requestId: z.string().optional(),
    /** Which field was wrong, as a dotted path, for 400s from validation. */
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
