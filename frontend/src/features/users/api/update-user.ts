import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { usersKey } from '@/lib/query-keys';

export type UpdateUserInput = {
  id: number;
  changes: { name?: string; is_admin?: boolean; is_active?: boolean };
};

export function updateUser({ id, changes }: UpdateUserInput) {
  return unwrap(
    api.PATCH('/api/users/{user_id}', { params: { path: { user_id: id } }, body: changes }),
  );
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
