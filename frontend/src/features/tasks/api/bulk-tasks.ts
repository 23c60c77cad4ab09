import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { BulkRequest } from '@/lib/api/types';
import { organiseKeys } from '@/lib/query-keys';

/** One action on many tasks, all or nothing. */
export function bulkTasks(body: BulkRequest) {
  return unwrap(api.POST('/api/tasks/bulk', { body }));
}

export function useBulkTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkTasks,
    onSettled: () =>
      Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
