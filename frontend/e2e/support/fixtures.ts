/** Shared helpers: accounts and tasks are seeded through the API, never through the database. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Account = { name: string; email: string; password: string };
export type SeedTask = {
  title: string;
  description?: string;
  due_date?: string;
  done?: boolean;
  parent_id?: number;
  estimate_minutes?: number;
};

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'screenshots');

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through "npm run e2e".`);
  return value;
}

export function newAccount(name = 'Ana Souza'): Account {
  const tag = randomBytes(4).toString('hex');
  const first = name.split(' ')[0] ?? 'user';
  return {
    name,
    email: `${first.toLowerCase()}-${tag}@e2e.tarefa.test`,
    password: `pw-${tag}-secret`,
  };
}

export function adminAccount(): Account {
  return {
    name: 'Admin',
    email: requireEnv('E2E_ADMIN_EMAIL'),
    password: requireEnv('E2E_ADMIN_PASSWORD'),
  };
}

export async function register(request: APIRequestContext, account: Account): Promise<void> {
  const response = await request.post('/api/auth/register', { data: account });
  expect(response.status(), await response.text()).toBe(201);
}

/** Logs in through the API; with page.request the refresh cookie lands in the browser context. */
export async function logIn(request: APIRequestContext, account: Account): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function createTask(
  request: APIRequestContext,
  token: string,
  task: SeedTask,
): Promise<number> {
  const response = await request.post('/api/tasks', {
    data: task,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** Today in the browser's time zone (the config pins America/Sao_Paulo). */
export function isoDay(offsetDays = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
  return parts;
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** Fails with a readable list when axe finds serious or critical problems. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(blocking, `axe on ${label}`).toEqual([]);
}

export const test = base.extend({
  // Playwright fixtures must destructure; this one needs no other fixture.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(requireEnv('BASE_URL'));
  },
});

export { expect };
