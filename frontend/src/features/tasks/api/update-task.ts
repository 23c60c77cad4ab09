import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { TaskUpdate } from '@/lib/api/types';
import { organiseKeys } from '@/lib/query-keys';

export type UpdateTaskInput = { id: number; changes: TaskUpdate };

export function updateTask({ id, changes }: UpdateTaskInput) {
  return unwrap(
    api.PATCH('/api/tasks/{task_id}', { params: { path: { task_id: id } }, body: changes }),
  );
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTask,
    // Projects and labels carry open counts, and a task's labels can create new ones.
    onSuccess: () =>
      Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
