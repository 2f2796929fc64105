import { type QueryKey, type UseMutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation that refreshes what it changed: the given queries are invalidated when it settles,
 * success or failure (a failed save may still have changed something, e.g. a version conflict),
 * so no page shows a list the server no longer has. Errors stay on the mutation for ErrorAlert.
 */
export function useAppMutation<TData, TVariables = void>(
  options: UseMutationOptions<TData, Error, TVariables> & { invalidates: readonly QueryKey[] },
) {
  const queryClient = useQueryClient();
  const { invalidates, onSettled, ...rest } = options;
  return useMutation<TData, Error, TVariables>({
    ...rest,
    onSettled: async (...args) => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await onSettled?.(...args);
    },
  });
}
