import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export type ChangePasswordInput = { currentPassword: string; password: string };

export function changePassword({ currentPassword, password }: ChangePasswordInput) {
  return unwrap(
    api.PATCH('/api/auth/me', { body: { password, current_password: currentPassword } }),
  );
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
