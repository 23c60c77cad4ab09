import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { MoveAnchor } from '@/lib/reorder';
import { projectsKey } from '@/lib/query-keys';

export type MoveProjectInput = { id: number; anchor: MoveAnchor };

export function moveProject({ id, anchor }: MoveProjectInput) {
  return unwrap(
    api.POST('/api/projects/{project_id}/move', {
      params: { path: { project_id: id } },
      body: anchor,
    }),
  );
}

export function useMoveProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveProject,
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsKey }),
  });
}
