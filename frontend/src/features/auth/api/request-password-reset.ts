import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Always answered with 202, whether or not the address has an account. */
export function requestPasswordReset(email: string) {
  return unwrap(api.POST('/api/auth/password-reset', { body: { email } }));
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
