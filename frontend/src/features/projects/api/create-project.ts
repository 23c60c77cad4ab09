import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { ProjectCreate } from '@/lib/api/types';
import { projectsKey } from '@/lib/query-keys';

export function createProject(body: ProjectCreate) {
  return unwrap(api.POST('/api/projects', { body }));
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectsKey }),
  });
}
