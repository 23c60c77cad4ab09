import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { useStartSession } from '@/lib/auth/user';

export type LoginInput = { email: string; password: string };

/** The refresh token in the body is ignored on purpose: the httpOnly cookie carries it. */
export async function login(input: LoginInput): Promise<string> {
  const tokens = await unwrap(api.POST('/api/auth/login', { body: input }));
  return tokens.access_token;
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (input: LoginInput) => startSession(await login(input)),
  });
}
