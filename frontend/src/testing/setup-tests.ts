import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { initI18n } from '@/i18n';
import { registerOrganiseStrings } from '@/i18n/organise';
import { setAccessToken } from '@/lib/api/session';
import { server } from './server';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await initI18n('en');
  registerOrganiseStrings();
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
  cleanup();
  server.resetHandlers();
});

afterAll(() => server.close());
