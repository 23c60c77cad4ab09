import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { projectsKey, tasksKey } from '@/lib/query-keys';

export type ProjectTasksFate = 'inbox' | 'delete';
export type DeleteProjectInput = { id: number; tasks: ProjectTasksFate };

export function deleteProject({ id, tasks }: DeleteProjectInput) {
  return unwrap(
    api.DELETE('/api/projects/{project_id}', {
      params: { path: { project_id: id }, query: { tasks } },
    }),
  );
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProject,
    // Not awaited: the caller's onSuccess (leaving the deleted project's page) must run while
    // the project is still in the sidebar, before the refetch removes it.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectsKey });
      void queryClient.invalidateQueries({ queryKey: tasksKey });
    },
  });
}
