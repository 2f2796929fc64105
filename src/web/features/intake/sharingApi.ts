import type { z } from 'zod';
import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { shareRequestSchema } from '../../../contracts/intake.resources.contracts.js';
import { call } from '../../api/client.js';

/** The server's own rules (reason 2–500 characters after trimming), checked here first. */
export { shareRequestSchema };
export type ShareRequest = z.input<typeof shareRequestSchema>;

/**
 * POST …/share (intake.write; owning unit or prefecture-wide): the unit may then read and find the
 * record. 409 intake.already_shared, 400 intake.unit_not_found. Answers with the id and the unit.
 */
export function shareConsultation({ id, body }: { id: string; body: ShareRequest }) {
  return call(ep.share, { params: { id }, body });
}
