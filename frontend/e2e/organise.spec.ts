import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
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

type Seed = { request: APIRequestContext; token: string };

async function createProject(seed: Seed, name: string, color = 'blue'): Promise<number> {
  const response = await seed.request.post('/api/projects', {
    data: { name, color },
    headers: { Authorization: `Bearer ${seed.token}` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/** A new account whose time zone is the browser's (the config pins America/Sao_Paulo). */
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

/** The titles of the tasks in a list, top to bottom. */
async function titles(list: Locator): Promise<string[]> {
  return list.locator('.task__title').allInnerTexts();
}

test('organise: a project from the sidebar, priorities, labels, order, bulk complete, delete into the Inbox', async ({
  page,
  request,
}) => {
  const seed = await signIn(page, request, 'Marta Lopes');
  await page.goto('/inbox');
  const sidebar = page.getByRole('complementary', { name: 'Lists' });
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.getByText('Your Inbox is clear')).toBeVisible();

  // Create a project from the sidebar; the app opens it.
  await sidebar.getByRole('button', { name: 'Add project' }).click();
  const form = sidebar.getByRole('form', { name: 'New project' });
  await form.getByLabel('Project name').fill('Work');
  await form.getByLabel('Colour').selectOption({ label: 'Green' });
  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Work', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByText('This project has no open tasks')).toBeVisible();

  // Add three tasks to it.
  for (const title of ['Write report', 'Call the bank', 'Book flights']) {
    await page.getByLabel('New task').fill(title);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: title })).toBeVisible();
  }
  const list = page.getByRole('list', { name: 'Your tasks' });
  await expect.poll(() => titles(list)).toEqual(['Write report', 'Call the bank', 'Book flights']);
  await expect(sidebar.getByRole('link', { name: 'Work 3' })).toBeVisible();

  // Priority and labels through the editor.
  await page.getByRole('button', { name: 'Edit “Write report”' }).click();
  const editor = page.getByRole('form', { name: 'Edit “Write report”' });
  await editor.getByLabel('Priority').selectOption({ label: 'Priority 1 (highest)' });
  await editor.getByLabel('Labels').fill('urgent, office');
  await editor.getByRole('button', { name: 'Save' }).click();
  const report = list.locator('li', { has: page.getByRole('checkbox', { name: 'Write report' }) });
  await expect(report.getByText('Priority 1 (highest)')).toBeAttached();
  await expect(report.getByRole('link', { name: '#urgent' })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: '#urgent 1' })).toBeVisible();
  // The shortcut sets a priority on the focused task.
  await page.getByRole('checkbox', { name: 'Book flights' }).focus();
  await page.keyboard.press('2');
  const flights = list.locator('li', { has: page.getByRole('checkbox', { name: 'Book flights' }) });
  await expect(flights.getByText('Priority 2')).toBeAttached();

  // Reorder by keyboard: Alt+↓ moves the focused task down, and the order is kept.
  await page.getByRole('checkbox', { name: 'Write report' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => titles(list)).toEqual(['Call the bank', 'Write report', 'Book flights']);
  await expect(page.getByText('“Write report” moved to position 2 of 3.').first()).toBeAttached();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toBeFocused();

  // Reorder by dragging the handle: "Book flights" to the top.
  const handle = page.getByRole('button', { name: 'Drag “Book flights”' });
  const top = page.getByRole('button', { name: 'Drag “Call the bank”' });
  const from = await handle.boundingBox();
  const to = await top.boundingBox();
  if (!from || !to) throw new Error('drag handles are not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => titles(list)).toEqual(['Book flights', 'Call the bank', 'Write report']);
  await page.reload();
  await expect.poll(() => titles(list)).toEqual(['Book flights', 'Call the bank', 'Write report']);
  await saveScreenshot(page, 'project-light');

  // Filter by label: the chip opens the label's list.
  await page.getByRole('link', { name: '#urgent' }).first().click();
  await expect(page).toHaveURL(/\/labels\/urgent$/);
  await expect(page.getByRole('heading', { name: '#urgent', level: 1 })).toBeVisible();
  await expect
    .poll(() => titles(page.getByRole('list', { name: 'Your tasks' })))
    .toEqual(['Write report']);
  await expect(
    page.getByRole('list', { name: 'Your tasks' }).getByText('Work', { exact: true }),
  ).toBeVisible();
  await expectAccessible(page, 'label view');

  // Bulk complete two tasks, then undo brings them back.
  await sidebar.getByRole('link', { name: /^Work/ }).click();
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Select “Book flights”' }).check();
  await page.getByRole('checkbox', { name: 'Select “Call the bank”' }).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await expectAccessible(page, 'bulk selection');
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(page.getByText('2 tasks completed.')).toBeVisible();
  await expect.poll(() => titles(list)).toEqual(['Write report']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => titles(list)).toEqual(['Book flights', 'Call the bank', 'Write report']);
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Select “Book flights”' }).check();
  await page.getByRole('checkbox', { name: 'Select “Call the bank”' }).check();
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect.poll(() => titles(list)).toEqual(['Write report']);

  // Delete the project, keeping its tasks in the Inbox.
  await createTask(seed.request, seed.token, { title: 'Inbox thought' });
  await sidebar.getByRole('button', { name: 'Options for project “Work”' }).click();
  await sidebar.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete project “Work”?' });
  await expect(dialog.getByRole('radio', { name: 'Move its tasks to the Inbox' })).toBeChecked();
  await expectAccessible(page, 'delete project dialog');
  await dialog.getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: /^Work/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Inbox thought' })).toBeVisible();
});

test('Today and Upcoming: due dates in words, a task moved to a project by its menu', async ({
  page,
  request,
}) => {
  const seed = await signIn(page, request, 'Davi Rocha');
  const home = await createProject(seed, 'Home', 'orange');
  await createTask(request, seed.token, { title: 'Pay rent', due_date: isoDay(0) });
  await createTask(request, seed.token, { title: 'Renew passport', due_date: isoDay(-3) });
  await createTask(request, seed.token, { title: 'Dentist', due_date: isoDay(1) });
  await createTask(request, seed.token, { title: 'Water plants', due_date: isoDay(3) });
  await createTask(request, seed.token, { title: 'Someday', due_date: isoDay(30) });
  await page.goto('/today');

  const sidebar = page.getByRole('complementary', { name: 'Lists' });
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Today 2' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Your tasks' });
  await expect
    .poll(async () => (await titles(list)).sort())
    .toEqual(['Pay rent', 'Renew passport']);
  await expect(list.getByText('Overdue 3 days')).toBeVisible();
  await expect(list.getByText('Today', { exact: true })).toBeVisible();
  await expect(list.getByText('Inbox', { exact: true }).first()).toBeVisible();

  // "Move to…" (also the # shortcut) puts the task in a project, with undo.
  await page.getByRole('button', { name: 'Move “Pay rent” to…' }).click();
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await expect(page.getByText('“Pay rent” moved to Home.').first()).toBeVisible();
  const rent = list.locator('li', { has: page.getByRole('checkbox', { name: 'Pay rent' }) });
  await expect(rent.getByText('Home', { exact: true })).toBeVisible();
  await expectAccessible(page, 'today');
  await saveScreenshot(page, 'today-light');

  await sidebar.getByRole('link', { name: /^Upcoming/ }).click();
  await expect(page.getByRole('heading', { name: 'Upcoming', level: 1 })).toBeVisible();
  const tomorrow = page.getByRole('list', { name: 'Tomorrow' });
  await expect(tomorrow.getByRole('checkbox', { name: 'Dentist' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Water plants' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Someday' })).toHaveCount(0);
  await expectAccessible(page, 'upcoming');
  await saveScreenshot(page, 'upcoming-light');

  // Completing from a view offers undo.
  await page.getByRole('checkbox', { name: 'Dentist' }).click();
  // The toast (the view's own live region says it too, for screen readers).
  await expect(page.locator('.toast', { hasText: '“Dentist” completed.' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Dentist' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('checkbox', { name: 'Dentist' })).toBeVisible();

  // The ? dialog lists the shortcuts.
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Move the task to a project')).toBeVisible();
  await expectAccessible(page, 'shortcut help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.goto(`/projects/${home}`);
  await expect(page.getByRole('checkbox', { name: 'Pay rent' })).toBeVisible();

  // Plan with AI straight into a new project named after the goal.
  await page.goto('/plan');
  await page.getByRole('textbox', { name: 'Goal' }).fill('Plan a weekend trip to Lisbon');
  await page.getByRole('button', { name: 'Propose tasks' }).click();
  await expect(page.getByRole('region', { name: 'Proposed tasks' })).toBeVisible();
  await page
    .getByRole('checkbox', { name: 'Add them to a new project: “Plan a weekend trip to Lisbon”' })
    .check();
  await page.getByRole('button', { name: /^Add \d+ tasks?$/ }).click();
  await page.getByRole('link', { name: 'Open “Plan a weekend trip to Lisbon”' }).click();
  await expect(
    page.getByRole('heading', { name: 'Plan a weekend trip to Lisbon', level: 1 }),
  ).toBeVisible();
  await expect
    .poll(() => page.getByRole('list', { name: 'Your tasks' }).getByRole('listitem').count())
    .toBeGreaterThan(2);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the organise views have no serious accessibility problems', async ({ page, request }) => {
    const seed = await signIn(page, request, 'Nina Prado');
    const project = await createProject(seed, 'Garden', 'green');
    await createTask(request, seed.token, { title: 'Prune roses', due_date: isoDay(1) });
    const response = await request.post('/api/tasks', {
      data: { title: 'Buy seeds', project_id: project, priority: 1, labels: ['shopping'] },
      headers: { Authorization: `Bearer ${seed.token}` },
    });
    expect(response.status()).toBe(201);
    for (const path of [`/projects/${project}`, '/upcoming', '/labels/shopping', '/inbox']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.spinner')).toHaveCount(0);
      await expectAccessible(page, `${path} (dark)`);
    }
    await page.goto(`/projects/${project}`);
    await expect(page.getByRole('checkbox', { name: 'Buy seeds' })).toBeVisible();
    await saveScreenshot(page, 'project-dark');
  });
});

test.describe('Portuguese at phone width', () => {
  test.use({ locale: 'pt-BR', viewport: { width: 360, height: 780 } });

  test('the drawer opens the views and creates a project; dates read in Portuguese', async ({
    page,
    request,
  }) => {
    const seed = await signIn(page, request, 'Luiza Teles');
    await createTask(request, seed.token, { title: 'Pagar o aluguel', due_date: isoDay(0) });
    await createTask(request, seed.token, { title: 'Ir ao dentista', due_date: isoDay(1) });
    await createTask(request, seed.token, { title: 'Renovar a CNH', due_date: isoDay(-3) });
    await page.goto('/today');
    await expect(page.getByRole('heading', { name: 'Hoje', level: 1 })).toBeVisible();
    await expect(page.getByText('Atrasada há 3 dias')).toBeVisible();
    const sidebar = page.getByRole('complementary', { name: 'Listas' });
    await expect(sidebar).toBeHidden();

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(sidebar).toBeVisible();
    await expectAccessible(page, 'drawer (pt-BR, 360 px)');
    await sidebar.getByRole('button', { name: 'Novo projeto' }).click();
    await sidebar.getByLabel('Nome do projeto').fill('Casa');
    await sidebar.getByRole('button', { name: 'Criar projeto' }).click();
    await expect(page.getByRole('heading', { name: 'Casa', level: 1 })).toBeVisible();
    await expect(sidebar).toBeHidden();
    await page.getByLabel('Nova tarefa').fill('Trocar a lâmpada');
    await page.getByRole('button', { name: 'Adicionar', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Trocar a lâmpada' })).toBeVisible();

    await menu.click();
    await sidebar.getByRole('link', { name: /^Próximos dias/ }).click();
    await expect(page.getByRole('heading', { name: 'Próximos dias', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Amanhã' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'upcoming (pt-BR, 360 px)');
    await saveScreenshot(page, 'upcoming-phone-pt-BR');
  });
});
