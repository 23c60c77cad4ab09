import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { initI18n } from '@/i18n';
import '@/i18n/organise';
import { setAccessToken } from '@/lib/api/session';
import { server } from './server';

configure({ asyncUtilTimeout: 5000 });

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
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
});

afterAll(() => server.close());
