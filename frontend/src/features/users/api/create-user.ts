import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { usersKey } from '@/lib/query-keys';

export type CreateUserInput = { name: string; email: string; password: string; is_admin: boolean };

export function createUser(body: CreateUserInput) {
  return unwrap(api.POST('/api/users', { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
