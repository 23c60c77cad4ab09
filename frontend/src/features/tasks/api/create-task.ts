import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { TaskCreate } from '@/lib/api/types';
import { organiseKeys } from '@/lib/query-keys';

export function createTask(body: TaskCreate) {
  return unwrap(api.POST('/api/tasks', { body }));
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTask,
    // Projects and labels carry open counts, and a task's labels can create new ones.
    onSuccess: () =>
      Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
