import { notifications } from '@mantine/notifications';
import { type Mutation, type QueryKey, type UseMutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { i18n } from '../i18n/index.js';

/**
 * What a mutation tells the person when it succeeds. Every mutation of the app announces its
 * success in a toast (the query client's mutation cache calls `announceSuccess`), so no action
 * ends in silence and no page writes its own toast: `success` names what happened
 * (「登録しました（受理番号 2026-000123）」), or `false` for steps that show their own outcome
 * (logging in, a lookup, marking notices read).
 */
export type SuccessMessage<TData = unknown, TVariables = unknown> =
  | string
  | false
  | ((data: TData, variables: TVariables) => string | false);

export interface AppMutationMeta extends Record<string, unknown> {
  success?: SuccessMessage<never, never>;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: AppMutationMeta;
  }
}

/** Called by the query client for every successful mutation (app/queryClient.ts). */
export function announceSuccess(data: unknown, variables: unknown, mutation: Pick<Mutation<unknown, unknown, unknown>, 'meta'>): void {
  const success = mutation.meta?.success as SuccessMessage | undefined;
  const message = typeof success === 'function' ? success(data, variables) : success;
  if (message === false) return;
  notifications.show({
    message: message ?? i18n.t('common.succeeded'),
    color: 'green',
    withBorder: true,
    autoClose: 5000,
  });
}

/**
 * A mutation that refreshes what it changed and says it succeeded: the given queries are
 * invalidated when it settles, success or failure (a failed save may still have changed something,
 * e.g. a version conflict), so no page shows a list the server no longer has. Errors stay on the
 * mutation for ErrorAlert; success shows a toast with `success` (see above).
 */
export function useAppMutation<TData, TVariables = void>(
  options: UseMutationOptions<TData, Error, TVariables> & {
    invalidates: readonly QueryKey[];
    success?: SuccessMessage<TData, TVariables>;
  },
) {
  const queryClient = useQueryClient();
  const { invalidates, onSettled, success, meta, ...rest } = options;
  return useMutation<TData, Error, TVariables>({
    ...rest,
    meta: { ...meta, ...(success !== undefined ? { success: success as SuccessMessage<never, never> } : {}) },
    onSettled: async (...args) => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await onSettled?.(...args);
    },
  });
}
