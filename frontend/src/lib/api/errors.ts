/** Everything that can go wrong talking to the API, in one shape the UI can explain. */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldErrors;
  /** Seconds to wait before retrying, from a 429's Retry-After header. */
  readonly retryAfter: number | null;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    fieldErrors?: FieldErrors;
    retryAfter?: number | null;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fieldErrors = options.fieldErrors ?? {};
    this.retryAfter = options.retryAfter ?? null;
  }

  /** True when the API could not be reached at all (offline, server down, DNS). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    code: 'network',
    message: 'The server cannot be reached.',
  });
  error.cause = cause;
  return error;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messagesOf);
  if (isRecord(value)) return Object.values(value).flatMap(messagesOf);
  return [];
}

/** flask-smorest puts validation errors under errors.<location>.<field>; flatten json and query. */
function parseFieldErrors(errors: unknown): FieldErrors {
  if (!isRecord(errors)) return {};
  const fields: FieldErrors = {};
  for (const location of ['json', 'query', 'form']) {
    const byField = errors[location];
    if (!isRecord(byField)) continue;
    for (const [field, value] of Object.entries(byField)) {
      fields[field] = [...(fields[field] ?? []), ...messagesOf(value)];
    }
  }
  return fields;
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function apiErrorFromResponse(response: Response, body: unknown): ApiError {
  const envelope = isRecord(body) ? body : {};
  return new ApiError({
    status: response.status,
    code: typeof envelope.code === 'string' ? envelope.code : String(response.status),
    message:
      typeof envelope.message === 'string' && envelope.message !== ''
        ? envelope.message
        : response.statusText || `HTTP ${response.status}`,
    fieldErrors: parseFieldErrors(envelope.errors),
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Resolve an openapi-fetch call to its data, or throw an ApiError the caller can explain. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const result = await call;
  if (!result.response.ok) throw apiErrorFromResponse(result.response, result.error);
  return result.data as T;
}
