import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export type ConfirmPasswordResetInput = { token: string; password: string };

export function confirmPasswordReset(input: ConfirmPasswordResetInput) {
  return unwrap(api.POST('/api/auth/password-reset/confirm', { body: input }));
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
