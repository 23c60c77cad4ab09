import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { Task, TaskCreate } from '@/lib/api/types';
import { tasksKey } from '@/lib/query-keys';

export type AcceptPlanInput = {
  tasks: { key: number; body: TaskCreate }[];
  /** Called after each save, so a retry after a partial failure does not save twice. */
  onSaved: (key: number) => void;
};

/**
 * Saves the reviewed proposal one task at a time, in the planned order. Re-running the generator
 * without dry_run could return a different plan from a real model, so the reviewed list is sent.
 */
export async function acceptPlan({ tasks, onSaved }: AcceptPlanInput): Promise<Task[]> {
  const saved: Task[] = [];
  for (const { key, body } of tasks) {
    saved.push(await unwrap(api.POST('/api/tasks', { body })));
    onSaved(key);
  }
  return saved;
}

export function useAcceptPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptPlan,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
