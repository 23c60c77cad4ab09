/** Client-side checks with translatable results; the server still validates everything. */
import type { FieldErrors } from '@/lib/api/errors';
import { limits } from '@/lib/api/limits';

/** The backend also refuses the 30,000 most common passwords; its 422 is shown by the field. */
export const PASSWORD_MIN_LENGTH = limits.RegisterIn.password.minLength;
export const PASSWORD_MAX_LENGTH = limits.RegisterIn.password.maxLength;
export const NAME_MAX_LENGTH = limits.RegisterIn.name.maxLength;
export const EMAIL_MAX_LENGTH = limits.RegisterIn.email.maxLength;
export const TITLE_MAX_LENGTH = limits.TaskCreate.title.maxLength;
export const DESCRIPTION_MAX_LENGTH = limits.TaskCreate.description.maxLength;
export const GOAL_MIN_LENGTH = limits.GenerateIn.goal.minLength;
export const GOAL_MAX_LENGTH = limits.GenerateIn.goal.maxLength;
export const PROJECT_NAME_MAX_LENGTH = limits.ProjectCreate.name.maxLength;
export const LABEL_NAME_MAX_LENGTH = limits.LabelUpdate.name.maxLength;

export type Problem =
  'required' | 'email' | 'passwordTooShort' | 'passwordsDiffer' | 'goalTooShort';

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

export function checkGoal(value: string): Problem | undefined {
  return (
    checkRequired(value) ?? (value.trim().length < GOAL_MIN_LENGTH ? 'goalTooShort' : undefined)
  );
}

/** Server field errors for one field (for forms outside the toolkit; see lib/form.ts). */
export function serverErrors(fieldErrors: FieldErrors | undefined, field: string): string[] {
  return fieldErrors?.[field] ?? [];
}
