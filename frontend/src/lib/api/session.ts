/**
 * The access token lives in this module's memory only (never localStorage): a reload restores it
 * through the httpOnly refresh cookie. One refresh runs at a time; concurrent 401s share it.
 */
import { env } from '@/config/env';
import { networkError } from './errors';

let accessToken: string | null = null;
let refreshInFlight: Promise<boolean> | null = null;
const expiryListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called when a request is refused and the session cannot be refreshed. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

function readCookie(name: string): string {
  const prefix = `${name}=`;
  const cookie = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : '';
}

async function requestNewAccessToken(): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${env.API_URL}/api/auth/refresh`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'X-CSRF-TOKEN': readCookie('csrf_refresh_token'),
        // Keep the refresh token out of the body: only the httpOnly cookie carries it.
        'X-Refresh-Token-Delivery': 'cookie',
      },
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) {
    accessToken = null;
    return false;
  }
  const body = (await response.json()) as { access_token: string };
  accessToken = body.access_token;
  return true;
}

/**
 * Tabs share the refresh cookie. Two tabs rotating it at the same moment would present the same
 * refresh token twice, which the server treats as theft (it ends the session), so refreshes
 * queue across tabs; a queued tab then sends the cookie the first one just received.
 */
async function oneTabAtATime(task: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  let refreshed = false;
  await locks.request('tarefa-refresh', async () => {
    refreshed = await task();
  });
  return refreshed;
}

/** Resolves true with a fresh access token in memory, false when there is no valid session. */
export function refreshAccessToken(): Promise<boolean> {
  refreshInFlight ??= oneTabAtATime(requestNewAccessToken).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Endpoints where a 401 means "wrong credentials", not "token expired". */
const UNAUTHENTICATED_PATHS = [
  '/api/auth/login',
  '/api/auth/register',
  '/api/auth/refresh',
  '/api/auth/password-reset',
];

function send(request: Request, token: string | null): Promise<Response> {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return fetch(request).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError(error);
  });
}

/** The fetch given to the API client: adds the bearer token, refreshes once on 401, retries once. */
export async function authFetch(request: Request): Promise<Response> {
  const pathname = new URL(request.url).pathname;
  if (UNAUTHENTICATED_PATHS.some((path) => pathname.startsWith(path))) return send(request, null);

  const retry = request.clone();
  const tokenUsed = accessToken;
  const response = await send(request, tokenUsed);
  if (response.status !== 401) return response;

  // Another request may already have refreshed while this one was in flight.
  const refreshed =
    accessToken !== null && accessToken !== tokenUsed ? true : await refreshAccessToken();
  if (!refreshed) {
    expiryListeners.forEach((listener) => listener());
    return response;
  }
  return send(retry, accessToken);
}
