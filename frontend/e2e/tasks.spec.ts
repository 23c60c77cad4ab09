import { expect, saveScreenshot, test } from './support/signed-in';

test('adds a task, and one with details', async ({ page }) => {
  await page.goto('/');

  await page.getByLabel('New task').fill('Buy milk');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Buy milk' })).toBeVisible();

  await page.getByLabel('New task').fill('Write report');
  await page.getByRole('button', { name: 'Add details (due date, priority, labels)' }).click();
  await page.getByLabel('Description').fill('Quarterly numbers');
  await page.getByLabel('Due date').fill('2020-02-03');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toBeVisible();
  await expect(page.getByText('Quarterly numbers')).toBeVisible();
  await expect(page.getByText('Overdue since Feb 3, 2020')).toBeVisible();
});

test('edits a task in place and completes it; the status filter follows', async ({
  page,
  signedIn,
}) => {
  await signedIn.seedTasks([{ title: 'Buy milk' }, { title: 'Write report' }]);
  await page.goto('/');

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
});

test('a deletion can be undone, and sticks once the undo window passes', async ({
  page,
  signedIn,
}) => {
  await signedIn.seedTasks([
    { title: 'Buy oat milk', done: true },
    { title: 'Write report', description: 'Quarterly numbers', due_date: '2020-02-03' },
  ]);
  await page.goto('/');

  await page.getByRole('button', { name: 'Delete “Write report”' }).click();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toBeVisible();
  await saveScreenshot(page, 'tasks-light');

  await page.getByRole('button', { name: 'Delete “Write report”' }).click();
  // The toast leaves when the undo window (6 s) closes and the deletion is sent.
  await expect(page.getByText('“Write report” deleted.')).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Buy oat milk' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Write report' })).toHaveCount(0);
});
