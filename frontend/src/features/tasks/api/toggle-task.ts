import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

export function toggleTask(id: number) {
  return unwrap(api.POST('/api/tasks/{task_id}/toggle', { params: { path: { task_id: id } } }));
}

/** Settles only once the lists (and parents' done counts) have been refetched. */
export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: toggleTask,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
