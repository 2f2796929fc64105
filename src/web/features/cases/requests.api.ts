import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RequestTransition, requestCreateSchema } from '../../../contracts/requests.contracts.js';
import { requestsEndpoints as ep } from '../../../contracts/requests.endpoints.js';
import { call } from '../../api/client.js';

export type RequestCreateInput = z.input<typeof requestCreateSchema>;
export type RequestBox = 'inbox' | 'outbox';

/** Under the cases key: a case's page lists its requests, so changing one refreshes both. */
export const requestKeys = {
  all: ['cases', 'requests'] as const,
  list: (box: RequestBox, open: boolean) => ['cases', 'requests', 'list', box, open] as const,
  detail: (id: string) => ['cases', 'requests', 'detail', id] as const,
  targets: ['cases', 'requests', 'targets'] as const,
};

/** GET /api/requests: 受けた依頼 or 出した依頼 of the caller's unit, newest first. */
export const requestListQueryOptions = (box: RequestBox, open: boolean) =>
  queryOptions({
    queryKey: requestKeys.list(box, open),
    queryFn: ({ signal }) => call(ep.listRequests, { query: { box, open: open ? 'true' : 'false', limit: 200 }, signal }),
  });

export const requestDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => call(ep.getRequest, { params: { id }, signal }),
  });

/** GET /api/requests/targets (cases.write): every unit but one's own, and whether it works in Renkei. */
export const requestTargetsQueryOptions = queryOptions({
  queryKey: requestKeys.targets,
  queryFn: ({ signal }) => call(ep.requestTargets, { signal }),
  staleTime: 5 * 60_000,
});

export function createRequest(body: RequestCreateInput) {
  return call(ep.createRequest, { body });
}

export function transitionRequest({ id, body }: { id: string; body: RequestTransition }) {
  return call(ep.transitionRequest, { params: { id }, body });
}

export function replyToRequest({ id, text }: { id: string; text: string }) {
  return call(ep.replyToRequest, { params: { id }, body: { text } });
}
