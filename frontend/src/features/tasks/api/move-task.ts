import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { MoveAnchor } from '@/lib/reorder';
import { projectsKey, tasksKey } from '@/lib/query-keys';

/** Where a task goes: next to another task, into another project (null: the Inbox), or both. */
export type MoveTaskInput = {
  id: number;
  anchor?: MoveAnchor | null;
  projectId?: number | null;
};

export function moveTask({ id, anchor, projectId }: MoveTaskInput) {
  const body = { ...(anchor ?? {}), ...(projectId === undefined ? {} : { project_id: projectId }) };
  return unwrap(api.POST('/api/tasks/{task_id}/move', { params: { path: { task_id: id } }, body }));
}

export function useMoveTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveTask,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: tasksKey });
      await queryClient.invalidateQueries({ queryKey: projectsKey });
    },
  });
}
