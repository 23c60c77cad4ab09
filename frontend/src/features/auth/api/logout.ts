import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/errors';
import { useEndSession } from '@/lib/auth/user';

/** The backend revokes the tokens and clears both cookies. */
export async function logout(): Promise<void> {
  try {
    await unwrap(api.POST('/api/auth/logout'));
  } catch (error) {
    // An already-expired session is as logged out as it gets.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

export function useLogout() {
  const endSession = useEndSession();
  return useMutation({ mutationFn: logout, onSuccess: endSession });
}
