import { infiniteQueryOptions } from '@tanstack/react-query';
import { auditEndpoints as ep } from '../../../../contracts/audit.endpoints.js';
import { call } from '../../../api/client.js';

/** Applied filters; `from`/`to` are already UTC ISO strings. */
export interface AuditFilters {
  actorUserId?: string | undefined;
  actorUnitId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  outcome?: 'success' | 'failure' | 'denied' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const PAGE_SIZE = 100;

/** GET /api/audit/events, newest first; 「さらに読み込む」 pages back with before=nextBefore. */
export const auditEventsQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'events', filters] as const,
    queryFn: ({ pageParam, signal }) => call(ep.events, { query: { ...filters, before: pageParam, limit: PAGE_SIZE }, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

/** GET /api/audit/verify: recomputes the hash chain on the server. */
export function verifyAudit() {
  return call(ep.verify);
}
