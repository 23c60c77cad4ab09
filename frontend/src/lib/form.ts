/**
 * The one form toolkit: react-hook-form keeps each form's state and runs its client checks
 * (rules return a translatable Problem); these helpers put a 422's per-field messages on the
 * fields they concern and turn a field's error into the sentences a TextField shows.
 */
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api/errors';
import { useProblemText } from './use-problem-text';
import type { Problem } from './validation';

/** A react-hook-form `validate` rule from one of the checks in validation.ts. */
export function rule(check: (value: string) => Problem | undefined) {
  return (value: string) => check(value) ?? true;
}

/**
 * Sets the server's messages on the form's fields (`fields` maps the API's field names to the
 * form's, or lists names both share). Returns whether any field took a message, so the form
 * shows a general message only for what no field explains.
 */
export function setServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[] | Partial<Record<string, Path<T>>>,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const pairs: [string, Path<T> | undefined][] = Array.isArray(fields)
    ? fields.map((field) => [field, field])
    : Object.entries(fields);
  let placed = false;
  for (const [apiField, formField] of pairs) {
    const messages = error.fieldErrors[apiField] ?? [];
    if (formField === undefined || messages.length === 0) continue;
    setError(formField, { type: 'server', message: messages.join(' ') });
    placed = true;
  }
  return placed;
}

/** Whether the error is a 422 whose messages concern one of these API fields. */
export function fieldsExplain(error: unknown, apiFields: readonly string[]): boolean {
  return error instanceof ApiError && apiFields.some((field) => error.fieldErrors[field]?.length);
}

/** A field's error as sentences: a client Problem in the current language, a server one as sent. */
export function useFieldErrorText(): (error: FieldError | undefined) => string[] {
  const problemText = useProblemText();
  return (error) => {
    if (!error?.message) return [];
    return error.type === 'server' ? [error.message] : problemText(error.message as Problem);
  };
}
