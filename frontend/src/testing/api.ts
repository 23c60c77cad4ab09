import { http, HttpResponse } from 'msw';
import { env } from '@/config/env';
import type { User } from '@/lib/api/types';
import { makeUser } from './data';

export const API = env.API_URL;
export const url = (path: string) => `${API}${path}`;

/** A signed-in session: refresh succeeds and /me answers with this user. */
export function sessionHandlers(user: User = makeUser(), token = 'access-1') {
  return [
    http.post(url('/api/auth/refresh'), () =>
      HttpResponse.json({
        access_token: token,
        refresh_token: 'r',
        token_type: 'Bearer',
        expires_in: 900,
      }),
    ),
    http.get(url('/api/auth/me'), () => HttpResponse.json(user)),
    ...sidebarHandlers(),
  ];
}

/** What the signed-in shell asks for: counts, projects, labels, notifications (none by default). */
export function sidebarHandlers() {
  return [
    http.get(url('/api/tasks/counts'), () =>
      HttpResponse.json({ inbox: 0, today: 0, overdue: 0, upcoming: 0, projects: {}, labels: {} }),
    ),
    http.get(url('/api/projects'), () => HttpResponse.json([])),
    http.get(url('/api/labels'), () => HttpResponse.json([])),
    http.get(url('/api/notifications'), () => HttpResponse.json({ items: [], unread: 0 })),
  ];
}

/** No session: the refresh cookie is missing or expired. */
export function anonymousHandlers() {
  return [
    http.post(url('/api/auth/refresh'), () =>
      HttpResponse.json(
        { code: 401, status: 'Unauthorized', message: 'Missing cookie' },
        { status: 401 },
      ),
    ),
  ];
}

export function errorBody(status: number, message: string, errors?: unknown) {
  return HttpResponse.json({ code: status, status: 'Error', message, errors }, { status });
}
