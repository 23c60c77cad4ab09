import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { waitForJob } from '@/lib/api/jobs';
import type { JobAccepted, SavedPlan } from '@/lib/api/types';
import { tasksKey } from '@/lib/query-keys';

export type BreakdownInput = { id: number; signal?: AbortSignal };

/**
 * Asks the AI planner for subtasks of one task; the backend saves them under it. With an AI
 * provider the backend answers with a job (`async`), followed here until it ends.
 */
export async function breakdownTask({ id, signal }: BreakdownInput): Promise<SavedPlan> {
  const result = await api.POST('/api/tasks/{task_id}/breakdown', {
    params: { path: { task_id: id } },
    body: { async: true },
    signal,
  });
  const data = await unwrap(Promise.resolve(result));
  if (result.response.status !== 202) return data as SavedPlan;
  return (await waitForJob((data as JobAccepted).job_id, signal)) as unknown as SavedPlan;
}

export function useBreakdownTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: breakdownTask,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
