/**
 * Build-time configuration, validated once at start-up so a bad value fails loudly
 * instead of turning into confusing network errors later.
 */
type Env = {
  /** Origin the API lives on. Empty means same origin (Nginx in production, Vite's proxy in dev). */
  API_URL: string;
  /** How long a deleted task can be restored before the deletion is sent, in milliseconds. */
  UNDO_WINDOW_MS: number;
};

function readApiUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return globalThis.location?.origin ?? '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`VITE_API_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`VITE_API_URL must use http or https, got "${value}"`);
  }
  return url.origin;
}

function readPositiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return {
    API_URL: readApiUrl(source.VITE_API_URL),
    UNDO_WINDOW_MS: readPositiveInt('VITE_UNDO_WINDOW_MS', source.VITE_UNDO_WINDOW_MS, 6000),
  };
}

export const env = parseEnv(import.meta.env as Record<string, string | undefined>);
