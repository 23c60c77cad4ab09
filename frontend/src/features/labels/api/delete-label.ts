import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { labelsKey, tasksKey } from '@/lib/query-keys';

export function deleteLabel(id: number) {
  return unwrap(api.DELETE('/api/labels/{label_id}', { params: { path: { label_id: id } } }));
}

/** Deleting a label takes it off every task. */
export function useDeleteLabel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLabel,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: labelsKey });
      await queryClient.invalidateQueries({ queryKey: tasksKey });
    },
  });
}
