import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';

/** The kept tasks get today's date (the server's "today" for this user), all or none. */
export async function acceptDayPlan(taskIds: number[]) {
  return unwrap(api.POST('/api/plan/today/accept', { body: { task_ids: taskIds } }));
}

export function useAcceptDayPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptDayPlan,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
