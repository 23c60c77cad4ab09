import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { LabelUpdate } from '@/lib/api/types';
import { labelsKey, tasksKey } from '@/lib/query-keys';

export type UpdateLabelInput = { id: number; changes: LabelUpdate };

export function updateLabel({ id, changes }: UpdateLabelInput) {
  return unwrap(
    api.PATCH('/api/labels/{label_id}', { params: { path: { label_id: id } }, body: changes }),
  );
}

/** A rename shows on every task carrying the label. */
export function useUpdateLabel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLabel,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: labelsKey });
      await queryClient.invalidateQueries({ queryKey: tasksKey });
    },
  });
}
