import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { TaskPage } from '@/lib/api/types';
import { tasksKey } from '@/lib/query-keys';

export function toggleTask(id: number) {
  return unwrap(api.POST('/api/tasks/{task_id}/toggle', { params: { path: { task_id: id } } }));
}

/** Flips the checkbox at once; the server's answer (and parents' counts) follow on settle. */
export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: toggleTask,
    onMutate: async (id: number) => {
      await queryClient.cancelQueries({ queryKey: tasksKey });
      queryClient.setQueriesData<TaskPage>({ queryKey: tasksKey }, (page) =>
        page
          ? {
              ...page,
              items: page.items.map((task) =>
                task.id === id ? { ...task, done: !task.done } : task,
              ),
            }
          : page,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
