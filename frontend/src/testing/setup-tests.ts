import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { initI18n } from '@/i18n';
import '@/i18n/organise';
import { setAccessToken } from '@/lib/api/session';
import { server } from './server';

configure({ asyncUtilTimeout: 5000 });

// MSW's 'error' only makes the app's fetch fail, which the app may swallow: the test itself
// fails too (in afterEach), naming each request no handler answered.
const unhandled: string[] = [];

beforeAll(async () => {
  server.listen({
    onUnhandledRequest(request, print) {
      const { pathname, search } = new URL(request.url);
      unhandled.push(`${request.method} ${pathname}${search}`);
      print.error();
    },
  });
  await initI18n('en');
  // The signed-in shell and the task pages are lazy chunks; load them once so no test waits on
  // their first import (slow on a busy machine).
  await Promise.all([
    import('@/app/layout/AppLayout'),
    import('@/app/routes/tasks'),
    import('@/app/routes/inbox'),
  ]);
});

beforeEach(async () => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
  document.cookie = 'csrf_refresh_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  setAccessToken(null);
  await initI18n('en');
  localStorage.clear();
});

afterEach(() => {
  // A test that failed on fake timers must not leave them to the next one.
  vi.useRealTimers();
  cleanup();
  server.resetHandlers();
  const missed = unhandled.splice(0);
  if (missed.length > 0) {
    throw new Error(`Requests no handler answered (add them to the test): ${missed.join(', ')}`);
  }
});

afterAll(() => server.close());
