/**
 * The one form toolkit: `useForm` keeps a form's values, runs its client checks (rules return a
 * translatable Problem), puts a 422's per-field messages on the fields they concern, and turns a
 * field's error into the sentences a TextField shows. In-house rather than react-hook-form:
 * these forms need a fraction of it, and the library added about 13 KB gzipped to the initial JS.
 */
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from './api/errors';
import { useProblemText } from './use-problem-text';
import type { Problem } from './validation';

type Values = Record<string, string | number | boolean>;
/** A client problem (translated when shown) or a server message (shown as sent). */
export type FieldError = { type: 'client'; message: Problem } | { type: 'server'; message: string };
export type FieldErrors<T extends Values> = Partial<Record<keyof T & string, FieldError>>;
type Validate<T extends Values, K extends keyof T> = (
  value: T[K],
  values: T,
) => Problem | undefined;
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export type FieldProps = {
  name: string;
  ref: (element: Field | null) => void;
  onChange: (event: ChangeEvent<Field>) => void;
  value?: string | number;
  checked?: boolean;
};

export function useForm<T extends Values>({ defaultValues }: { defaultValues: T }) {
  const [values, setValues] = useState<T>(defaultValues);
  const [errors, setErrors] = useState<FieldErrors<T>>({});
  const [submitted, setSubmitted] = useState(false);
  const rules = useRef(new Map<keyof T & string, Validate<T, keyof T>>());
  const elements = useRef(new Map<keyof T & string, Field | null>());

  const check = (name: keyof T & string, all: T): FieldError | undefined => {
    const problem = rules.current.get(name)?.(all[name], all);
    return problem ? { type: 'client', message: problem } : undefined;
  };

  const setValue = <K extends keyof T & string>(name: K, value: T[K]) => {
    const next = { ...values, [name]: value };
    setValues(next);
    // After a submit, a field is checked again as it changes (and loses its server message).
    if (submitted) setErrors((current) => ({ ...current, [name]: check(name, next) }));
  };

  /** Props for an input, select or textarea: value (or checked), onChange, name and ref. */
  function register<K extends keyof T & string>(name: K, validate?: Validate<T, K>): FieldProps {
    if (validate) rules.current.set(name, validate as Validate<T, keyof T>);
    const current = values[name];
    const ref = (element: Field | null) => void elements.current.set(name, element);
    if (typeof current === 'boolean') {
      const onChange = (event: ChangeEvent<Field>) =>
        setValue(name, (event.target as HTMLInputElement).checked as T[K]);
      return { name, ref, onChange, checked: current };
    }
    const read = (event: ChangeEvent<Field>) =>
      typeof current === 'number' ? Number(event.target.value) : event.target.value;
    const onChange = (event: ChangeEvent<Field>) => setValue(name, read(event) as T[K]);
    return { name, ref, onChange, value: current };
  }

  /** Checks every registered field; calls onValid with the values when none has a problem. */
  const handleSubmit = (onValid: (values: T) => unknown) => (event?: FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    const found: FieldErrors<T> = {};
    for (const name of rules.current.keys()) found[name] = check(name, values);
    setErrors(found);
    if (!Object.values(found).some(Boolean)) void onValid(values);
  };

  const setError = useCallback(
    (name: keyof T & string, error: FieldError) =>
      setErrors((current) => ({ ...current, [name]: error })),
    [],
  );
  const setFocus = useCallback((name: keyof T & string) => elements.current.get(name)?.focus(), []);
  const reset = (next: T = defaultValues) => {
    setValues(next);
    setErrors({});
    setSubmitted(false);
  };

  return { values, errors, register, handleSubmit, setValue, setError, setFocus, reset };
}

/**
 * Sets the server's messages on the form's fields (`fields` maps the API's field names to the
 * form's, or lists names both share). Returns whether any field took a message.
 */
export function setServerErrors<K extends string>(
  error: unknown,
  setError: (name: K, error: FieldError) => void,
  fields: readonly K[] | Partial<Record<string, K>>,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const pairs: [string, K | undefined][] = Array.isArray(fields)
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
    if (!error) return [];
    return error.type === 'server' ? [error.message] : problemText(error.message);
  };
}
