import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

export type BreakdownInput = { id: number; signal?: AbortSignal };

/** Asks the AI planner for subtasks of one task; the backend saves them under it. */
export function breakdownTask({ id, signal }: BreakdownInput) {
  return unwrap(
    api.POST('/api/tasks/{task_id}/breakdown', {
      params: { path: { task_id: id } },
      body: {},
      signal,
    }),
  );
}

export function useBreakdownTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: breakdownTask,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
