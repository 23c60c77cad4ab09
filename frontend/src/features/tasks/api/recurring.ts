import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { organiseKeys } from '@/lib/query-keys';

export function skipOccurrence(id: number) {
  return unwrap(api.POST('/api/tasks/{task_id}/skip', { params: { path: { task_id: id } } }));
}

export function stopRepeating(id: number) {
  return unwrap(
    api.POST('/api/tasks/{task_id}/stop-repeating', { params: { path: { task_id: id } } }),
  );
}

/** A recurring task moves to its next date (or stops repeating); every view's lists and
 * counts refetch. */
export function useRecurringAction(action: typeof skipOccurrence) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSettled: () =>
      Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
