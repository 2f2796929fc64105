import { z } from 'zod';
import { consultationDetailSchema } from '../../../contracts/intake.contracts.js';
import { apiRequest } from '../../api/client.js';

/** The reason the server asks for (2–500 characters after trimming); checked here first. */
const reasonSchema = z.string().trim().min(2).max(500);

export const accessRequestSchema = z.strictObject({ type: z.string().min(1), value: z.string().min(1), reason: reasonSchema });
export type AccessRequest = z.infer<typeof accessRequestSchema>;

export const shareRequestSchema = z.strictObject({ unitId: z.string().min(1), reason: reasonSchema });
export type ShareRequest = z.infer<typeof shareRequestSchema>;

/**
 * POST /api/intake/access-requests (intake.read): ask サイバー課 for the records in other units
 * that share this indicator. The notice carries no content; 400 intake.nothing_to_request when
 * nothing is hidden (any more).
 */
export function requestAccess(body: AccessRequest) {
  return apiRequest('/api/intake/access-requests', { method: 'POST', body, schema: z.object({ hidden: z.number() }) });
}

/**
 * POST …/share (intake.write; owning unit or prefecture-wide): the unit may then read and find the
 * record. 409 intake.already_shared, 400 intake.unit_not_found. Returns the updated record.
 */
export function shareConsultation({ id, body }: { id: string; body: ShareRequest }) {
  return apiRequest(`/api/intake/consultations/${encodeURIComponent(id)}/share`, {
    method: 'POST',
    body,
    schema: consultationDetailSchema,
  });
}
