/** Client-side checks with translatable results; the server still validates everything. */
import type { FieldErrors } from '@/lib/api/errors';

/** The backend also refuses the 30,000 most common passwords; its 422 is shown by the field. */
export const PASSWORD_MIN_LENGTH = 10;

export type Problem = 'required' | 'email' | 'passwordTooShort' | 'passwordsDiffer';
export type Problems<K extends string> = Partial<Record<K, Problem>>;

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function checkRequired(value: string): Problem | undefined {
  return value.trim() === '' ? 'required' : undefined;
}

export function checkEmail(value: string): Problem | undefined {
  return checkRequired(value) ?? (isEmail(value) ? undefined : 'email');
}

export function checkPassword(value: string): Problem | undefined {
  return (
    checkRequired(value) ?? (value.length < PASSWORD_MIN_LENGTH ? 'passwordTooShort' : undefined)
  );
}

/** The fields every new account needs, checked the same way wherever an account is made. */
export function checkNewAccount(form: {
  name: string;
  email: string;
  password: string;
}): Problems<'name' | 'email' | 'password'> {
  return {
    name: checkRequired(form.name),
    email: checkEmail(form.email),
    password: checkPassword(form.password),
  };
}

export function hasProblems<K extends string>(problems: Problems<K>): boolean {
  return Object.values(problems).some(Boolean);
}

/** Server field errors for one field, so they can sit next to the input they concern. */
export function serverErrors(fieldErrors: FieldErrors | undefined, field: string): string[] {
  return fieldErrors?.[field] ?? [];
}

/** Limits from the backend's TaskCreate and GenerateIn schemas. */
export const TITLE_MAX_LENGTH = 160;
export const GOAL_MIN_LENGTH = 3;
