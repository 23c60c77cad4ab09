import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { useStartSession } from '@/lib/auth/user';

export type LoginInput = { email: string; password: string };

/** The refresh token stays in the httpOnly cookie: the server leaves it out of the body. */
export async function login(input: LoginInput): Promise<string> {
  const tokens = await unwrap(
    api.POST('/api/auth/login', {
      body: input,
      headers: { 'X-Refresh-Token-Delivery': 'cookie' },
    }),
  );
  return tokens.access_token;
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (input: LoginInput) => startSession(await login(input)),
  });
}
