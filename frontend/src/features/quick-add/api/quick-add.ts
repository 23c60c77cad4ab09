import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { tasksKey } from '@/lib/query-keys';
import type { LiteralKind } from './parse-line';

export function quickAdd(body: { text: string; literal: LiteralKind[] }) {
  return unwrap(api.POST('/api/tasks/quick', { body }));
}

/** Parse and create in one call; every task list refetches. */
export function useQuickAdd() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: quickAdd,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}
