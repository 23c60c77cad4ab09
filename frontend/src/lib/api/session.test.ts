import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server } from '@/testing/server';
import { errorBody, url } from '@/testing/api';
import { api } from './client';
import { ApiError, unwrap } from './errors';
import { getAccessToken, onSessionExpired, refreshAccessToken, setAccessToken } from './session';

const tokenBody = (token: string) => ({
  access_token: token,
  refresh_token: 'ignored',
  token_type: 'Bearer',
  expires_in: 900,
});

/** /api/auth/me accepts only `valid`, like a backend whose access token `stale` expired. */
function meAcceptingOnly(valid: string, seen: string[]) {
  return http.get(url('/api/auth/me'), ({ request }) => {
    const auth = request.headers.get('Authorization') ?? '';
    seen.push(auth);
    return auth === `Bearer ${valid}`
      ? HttpResponse.json({
          id: 1,
          name: 'Ana',
          email: 'a@x.io',
          is_admin: false,
          created_at: '2026-01-01T00:00:00Z',
        })
      : errorBody(401, 'Token has expired');
  });
}

describe('authFetch', () => {
  it('refreshes once with the CSRF cookie and retries the refused request with the new token', async () => {
    document.cookie = 'csrf_refresh_token=csrf-123; path=/';
    setAccessToken('stale');
    const seen: string[] = [];
    const refreshCalls: { csrf: string | null }[] = [];
    server.use(
      meAcceptingOnly('fresh', seen),
      http.post(url('/api/auth/refresh'), ({ request }) => {
        refreshCalls.push({ csrf: request.headers.get('X-CSRF-TOKEN') });
        return HttpResponse.json(tokenBody('fresh'));
      }),
    );

    const me = await unwrap(api.GET('/api/auth/me'));

    expect(me.name).toBe('Ana');
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(refreshCalls).toEqual([{ csrf: 'csrf-123' }]);
    expect(getAccessToken()).toBe('fresh');
  });

  it('shares one refresh between concurrent refused requests', async () => {
    setAccessToken('stale');
    const seen: string[] = [];
    let refreshes = 0;
    server.use(
      meAcceptingOnly('fresh', seen),
      http.post(url('/api/auth/refresh'), async () => {
        refreshes += 1;
        // Held until all three were refused, so each arrives while this refresh is in flight.
        await vi.waitFor(() =>
          expect(seen).toEqual(['Bearer stale', 'Bearer stale', 'Bearer stale']),
        );
        return HttpResponse.json(tokenBody('fresh'));
      }),
    );

    const results = await Promise.all([
      unwrap(api.GET('/api/auth/me')),
      unwrap(api.GET('/api/auth/me')),
      unwrap(api.GET('/api/auth/me')),
    ]);

    expect(results.map((user) => user.id)).toEqual([1, 1, 1]);
    expect(refreshes).toBe(1);
    expect(seen.filter((auth) => auth === 'Bearer fresh')).toHaveLength(3);
  });

  it('reports an expired session when the refresh is refused, and retries nothing', async () => {
    setAccessToken('stale');
    const seen: string[] = [];
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    server.use(
      meAcceptingOnly('never', seen),
      http.post(url('/api/auth/refresh'), () => errorBody(401, 'Token has been revoked')),
    );

    const error = await unwrap(api.GET('/api/auth/me')).catch((caught: unknown) => caught);
    stop();

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(seen).toEqual(['Bearer stale']);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
  });

  it('treats a 401 from login as wrong credentials, not as an expired session', async () => {
    const refresh = vi.fn();
    server.use(
      http.post(url('/api/auth/login'), () => errorBody(401, 'Invalid email or password')),
      http.post(url('/api/auth/refresh'), () => {
        refresh();
        return HttpResponse.json(tokenBody('x'));
      }),
    );

    const error = await unwrap(
      api.POST('/api/auth/login', { body: { email: 'a@x.io', password: 'wrong-password' } }),
    ).catch((caught: unknown) => caught);

    expect((error as ApiError).status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('turns an unreachable API into a network ApiError', async () => {
    server.use(http.get(url('/api/auth/me'), () => HttpResponse.error()));
    setAccessToken('any');

    const error = await unwrap(api.GET('/api/auth/me')).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetwork).toBe(true);
  });

  it('resolves false when there is no session to restore', async () => {
    server.use(http.post(url('/api/auth/refresh'), () => errorBody(401, 'Missing cookie')));
    await expect(refreshAccessToken()).resolves.toBe(false);
  });
});
