import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { ProjectUpdate } from '@/lib/api/types';
import { projectsKey, tasksKey } from '@/lib/query-keys';

export type UpdateProjectInput = { id: number; changes: ProjectUpdate };

export function updateProject({ id, changes }: UpdateProjectInput) {
  return unwrap(
    api.PATCH('/api/projects/{project_id}', {
      params: { path: { project_id: id } },
      body: changes,
    }),
  );
}

/** Renaming or archiving changes what task lists show (project names, archived projects). */
export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProject,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectsKey });
      await queryClient.invalidateQueries({ queryKey: tasksKey });
    },
  });
}
