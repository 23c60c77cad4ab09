import type { APIRequestContext, Page } from '@playwright/test';
import {
  expect,
  isoDay,
  logIn,
  newAccount,
  register,
  saveScreenshot,
  test,
} from './support/fixtures';

type Seed = { request: APIRequestContext; token: string };
type TaskOut = {
  id: number;
  title: string;
  due_date: string | null;
  due_time: string | null;
  project_id: number | null;
  priority: number;
  done: boolean;
};

/** A new account in the browser's time zone (the config pins America/Sao_Paulo). */
async function signIn(page: Page, request: APIRequestContext, name: string): Promise<Seed> {
  const account = newAccount(name);
  await register(request, account);
  const token = await logIn(page.request, account);
  const response = await request.patch('/api/auth/me', {
    data: { timezone: 'America/Sao_Paulo' },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return { request, token };
}

async function api<T>(seed: Seed, method: 'get' | 'post', path: string, data?: object) {
  const response = await seed.request[method](path, {
    data,
    headers: { Authorization: `Bearer ${seed.token}` },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

async function taskNamed(seed: Seed, title: string): Promise<TaskOut> {
  const page = await api<{ items: TaskOut[] }>(seed, 'get', `/api/tasks?q=${encodeURI(title)}`);
  expect(page.items.map((task) => task.title)).toEqual([title]);
  return page.items[0] as TaskOut;
}

/** The next Friday after today in São Paulo ("sexta" is never today: ambiguity resolves forward). */
function nextFriday(): string {
  const today = new Date(`${isoDay(0)}T12:00:00Z`);
  const ahead = (5 - today.getUTCDay() + 7) % 7 || 7;
  return isoDay(ahead);
}

test('quick add in Portuguese: the chips say what was understood, Enter files it in the project', async ({
  page,
  request,
}) => {
  const seed = await signIn(page, request, 'Lúcia Prado');
  const saude = await api<{ id: number }>(seed, 'post', '/api/projects', {
    name: 'Saúde',
    color: 'green',
  });
  await page.goto('/');
  await page.getByLabel('Language').selectOption({ label: 'Português (Brasil)' });
  await expect(page.getByRole('heading', { name: 'Tarefas' })).toBeVisible();

  const line = page.getByLabel('Nova tarefa');
  await line.fill('Dentista sexta 14h30 #saúde !1');
  const chips = page.getByRole('list', { name: 'Reconhecido' }).getByRole('listitem');
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(0)).toContainText('14:30');
  await expect(chips.nth(1)).toHaveText('#saúde×');
  await expect(chips.nth(2)).toHaveText('Prioridade 1×');
  await expect(page.getByText('Título: Dentista', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'quick-add-pt-BR');

  // Removing a chip keeps its words; removing it from a fresh line leaves "!1" in the title.
  await page.getByRole('button', { name: 'Manter “Prioridade 1” como texto no título' }).click();
  await expect(page.getByText('Título: Dentista !1', { exact: true })).toBeVisible();
  await expect(line).toBeFocused();
  await line.fill('');
  await line.fill('Dentista sexta 14h30 #saúde !1');
  await expect(chips).toHaveCount(3);
  await line.press('Enter');

  await expect(line).toHaveValue('');
  const row = page.locator('li.task', { has: page.getByRole('checkbox', { name: 'Dentista' }) });
  await expect(row).toContainText('14:30');
  const task = await taskNamed(seed, 'Dentista');
  expect([task.project_id, task.due_date, task.due_time, task.priority]).toEqual([
    saude.id,
    nextFriday(),
    '14:30',
    1,
  ]);
});

test('a recurring task completed moves to its next date; skipping moves it once more', async ({
  page,
  request,
}) => {
  const seed = await signIn(page, request, 'Caio Mendes');
  const { id } = await api<{ id: number }>(seed, 'post', '/api/tasks', {
    title: 'Water the ferns',
    due_date: isoDay(0),
    recurrence: 'FREQ=DAILY',
  });
  await page.goto('/');
  const box = page.getByRole('checkbox', { name: 'Water the ferns' });
  const row = page.locator('li.task', { has: box });
  await expect(row).toContainText('Every day');
  await expect(row).toContainText('Today');

  await box.check();

  await expect(row).toContainText('Tomorrow');
  await expect(box).not.toBeChecked();
  const occurrences = await api<{ due_date: string; outcome: string }[]>(
    seed,
    'get',
    `/api/tasks/${id}/occurrences`,
  );
  expect(occurrences.map((o) => [o.due_date, o.outcome])).toEqual([[isoDay(0), 'done']]);

  await row.getByRole('button', { name: 'Skip this one: “Water the ferns”' }).click();
  await expect
    .poll(async () => (await taskNamed(seed, 'Water the ferns')).due_date)
    .toBe(isoDay(2));
  await row.getByRole('button', { name: 'Stop repeating “Water the ferns”' }).click();
  await expect(row).not.toContainText('Every day');
  await expect(row.getByRole('button', { name: /Skip this one/ })).toHaveCount(0);
});

test('the bell shows a reminder a worker delivered', async ({ page, request }) => {
  // The worker's scheduler looks for due reminders every 30 seconds.
  test.setTimeout(150_000);
  const seed = await signIn(page, request, 'Nina Alves');
  // A reminder already past when it is set is never sent late, so this one is a moment ahead.
  const remindAt = new Date(Date.now() + 5_000).toISOString();
  await api(seed, 'post', '/api/tasks', {
    title: 'Take the medicine',
    due_date: isoDay(0),
    reminders: [{ remind_at: remindAt }],
  });
  await expect
    .poll(async () => (await api<{ unread: number }>(seed, 'get', '/api/notifications')).unread, {
      timeout: 120_000,
      intervals: [2_000],
    })
    .toBe(1);

  await page.goto('/');
  const bell = page.getByRole('button', { name: 'Notifications: 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByText('Reminder: Take the medicine')).toBeVisible();
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
});

test('download my data, then import it into another account after a dry run', async ({
  page,
  request,
}) => {
  const seed = await signIn(page, request, 'Beto Lima');
  await api(seed, 'post', '/api/tasks/quick', { text: 'Pay rent tomorrow 9am #home @bills !1' });
  await page.goto('/settings');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tarefa-\d{8}\.json$/);
  const file = await download.path();

  await page.getByRole('button', { name: 'Log out' }).click();
  const other = await signIn(page, request, 'Bia Lima');
  await page.goto('/settings');
  await page.getByLabel('File to import').setInputFiles(file);
  await expect(
    page.getByText('Would be created — projects: 1, labels: 1, tasks: 1.'),
  ).toBeVisible();
  expect((await api<{ total: number }>(other, 'get', '/api/tasks')).total).toBe(0);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported — projects: 1, labels: 1, tasks: 1.')).toBeVisible();
  const task = await taskNamed(other, 'Pay rent');
  expect([task.due_time, task.priority]).toEqual(['09:00', 1]);
});
