import { expect, newAccount, saveScreenshot, test } from './support/fixtures';

test('a new person registers, works through tasks, plans with AI and keeps the session', async ({
  page,
}) => {
  const account = newAccount('Carla Dias');

  // Register (which signs in), log out, and log in again.
  await page.goto('/register');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await expect(page.getByText('No tasks yet')).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();

  // Add two tasks, one with details.
  await page.getByLabel('New task').fill('Buy milk');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Buy milk' })).toBeVisible();
  await page.getByLabel('New task').fill('Write report');
  await page.getByRole('button', { name: 'Add details (due date, priority, labels)' }).click();
  await page.getByLabel('Description').fill('Quarterly numbers');
  await page.getByLabel('Due date').fill('2020-02-03');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Overdue since Feb 3, 2020')).toBeVisible();

  // Edit in place, then toggle.
  await page.getByRole('button', { name: 'Edit “Buy milk”' }).click();
  await page
    .getByRole('form', { name: 'Edit “Buy milk”' })
    .getByLabel('Title')
    .fill('Buy oat milk');
  await page.getByRole('button', { name: 'Save' }).click();
  const milk = page.getByRole('checkbox', { name: 'Buy oat milk' });
  await milk.check();
  await expect(milk).toBeChecked();
  await page.getByRole('radio', { name: 'Done' }).click();
  await expect(page.getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Buy oat milk' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'All' }).click();

  // Delete and undo: the task comes back; delete again and let the undo window pass.
  await page.getByRole('button', { name: 'Delete “Write report”' }).click();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toBeVisible();
  await saveScreenshot(page, 'tasks-light');
  await page.getByRole('button', { name: 'Delete “Write report”' }).click();
  await expect(page.getByText('“Write report” deleted.')).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Buy oat milk' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toHaveCount(0);

  // Plan with AI: untick one proposal, accept the rest.
  await page.getByRole('link', { name: 'Plan with AI' }).click();
  await page
    .getByRole('textbox', { name: 'Goal' })
    .fill('Organize a birthday party for my daughter');
  await page.getByRole('button', { name: 'Propose tasks' }).click();
  const preview = page.getByRole('region', { name: 'Proposed tasks' });
  await expect(preview).toBeVisible({ timeout: 5_000 });
  const titles = preview.getByRole('textbox', { name: /^Title of task/ });
  const proposed = await titles.count();
  expect(proposed).toBeGreaterThan(2);
  const dropped = await preview.getByRole('textbox', { name: 'Title of task 2' }).inputValue();
  const kept = await preview.getByRole('textbox', { name: 'Title of task 1' }).inputValue();
  await preview.getByRole('checkbox', { name: 'Keep task 2' }).uncheck();
  await saveScreenshot(page, 'planner-light');
  await page.getByRole('button', { name: `Add ${proposed - 1} tasks` }).click();
  await expect(page.getByText(`${proposed - 1} tasks added.`)).toBeVisible();

  await page.getByRole('link', { name: 'See your tasks' }).click();
  await expect(page.getByRole('checkbox', { name: kept, exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: dropped, exact: true })).toHaveCount(0);

  // Break a task down into subtasks.
  await page.getByRole('button', { name: 'Break down “Buy oat milk” with AI' }).click();
  const subtasks = page.getByRole('list', { name: 'Subtasks of “Buy oat milk”' });
  await expect(subtasks).toBeVisible();
  expect(await subtasks.getByRole('checkbox').count()).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^0 of \d+ subtasks? done$/ })).toBeVisible();

  // The session survives a reload (refresh cookie), then logging out ends it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Buy oat milk' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
