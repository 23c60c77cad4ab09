import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { useStartSession } from '@/lib/auth/user';
import { login } from './login';

export type RegisterInput = { name: string; email: string; password: string };

export function register(input: RegisterInput) {
  return unwrap(api.POST('/api/auth/register', { body: input }));
}

/** Registering signs the person in straight away, so the next screen is their (empty) task list. */
export function useRegister() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async (input: RegisterInput) => {
      await register(input);
      return startSession(await login({ email: input.email, password: input.password }));
    },
  });
}
