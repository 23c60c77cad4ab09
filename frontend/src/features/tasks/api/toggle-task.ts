import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { organiseKeys } from '@/lib/query-keys';

export function toggleTask(id: number) {
  return unwrap(api.POST('/api/tasks/{task_id}/toggle', { params: { path: { task_id: id } } }));
}

/** Settles only once the lists (and parents' done counts) have been refetched. */
export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: toggleTask,
    // Projects and labels carry open counts, and a task's labels can create new ones.
    onSettled: () =>
      Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
