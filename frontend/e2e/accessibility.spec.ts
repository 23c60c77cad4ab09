import type { Page } from '@playwright/test';
import {
  adminAccount,
  createTask,
  expect,
  expectAccessible,
  isoDay,
  logIn,
  newAccount,
  register,
  saveScreenshot,
  test,
} from './support/fixtures';

const signedOutPages = [
  '/login',
  '/register',
  '/forgot-password',
  '/reset-password#token=e2e-token',
  '/reset-password',
];

async function scanSignedInPages(page: Page, theme: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('checkbox', { name: 'Prepare slides' })).toBeVisible();
  await page.getByRole('button', { name: /subtasks? done$/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Draft outline' })).toBeVisible();
  await expectAccessible(page, `tasks (${theme})`);
  await page.getByRole('button', { name: 'Edit “Prepare slides”' }).click();
  await expectAccessible(page, `task editor (${theme})`);

  await page.goto('/plan');
  await page.getByRole('textbox', { name: 'Goal' }).fill('Learn to play guitar');
  await page.getByRole('button', { name: 'Propose tasks' }).click();
  await expect(page.getByRole('region', { name: 'Proposed tasks' })).toBeVisible();
  await expectAccessible(page, `planner (${theme})`);

  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectAccessible(page, `settings (${theme})`);

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expectAccessible(page, `not found (${theme})`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('signed-out pages have no serious accessibility problems', async ({ page }) => {
      for (const path of signedOutPages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAccessible(page, `${path} (${theme})`);
      }
      await page.goto('/login');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByText('This field is required.').first()).toBeVisible();
      await expectAccessible(page, `login with errors (${theme})`);
    });

    test('signed-in pages have no serious accessibility problems', async ({ page, request }) => {
      const account = newAccount('Lia Alves');
      await register(request, account);
      const token = await logIn(page.request, account);
      const parent = await createTask(request, token, {
        title: 'Prepare slides',
        due_date: isoDay(0),
      });
      await createTask(request, token, { title: 'Draft outline', parent_id: parent, done: true });
      await createTask(request, token, {
        title: 'Pay taxes',
        due_date: '2020-04-30',
        estimate_minutes: 45,
      });
      await createTask(request, token, { title: 'Read a book', done: true });

      await scanSignedInPages(page, theme);
      if (theme === 'dark') {
        await page.goto('/');
        await expect(page.getByRole('checkbox', { name: 'Prepare slides' })).toBeVisible();
        await saveScreenshot(page, 'tasks-dark');
      }
    });

    test('the admin users page has no serious accessibility problems', async ({ page }) => {
      await logIn(page.request, adminAccount());
      await page.goto('/admin/users');
      await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
      await expectAccessible(page, `admin users (${theme})`);
    });

    test('the failed jobs page has no serious accessibility problems', async ({ page }) => {
      await logIn(page.request, adminAccount());
      await page.goto('/admin/jobs');
      await expect(page.getByRole('heading', { level: 1, name: 'Failed jobs' })).toBeVisible();
      // Empty on a fresh stack; a shared Redis may hold failed jobs from elsewhere.
      await expect(page.getByText(/No failed jobs|Why it failed/).first()).toBeVisible();
      await expectAccessible(page, `admin jobs (${theme})`);
    });
  });
}

test('every action is reachable by keyboard: add and complete a task without a mouse', async ({
  page,
  request,
}) => {
  const account = newAccount('Teo Nunes');
  await register(request, account);
  await logIn(page.request, account);
  await page.goto('/');
  await expect(page.getByText('No tasks yet')).toBeVisible();

  await page.getByLabel('New task').focus();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  const task = page.getByRole('checkbox', { name: 'Keyboard only' });
  await expect(task).toBeVisible();
  await task.focus();
  await page.keyboard.press('Space');
  await expect(task).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Edit “Keyboard only”' })).toBeFocused();
});
