import { expect, saveScreenshot, test } from './support/signed-in';

test('plans with AI: an unticked proposal is left out, the rest are added', async ({ page }) => {
  await page.goto('/');

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
});

test('breaks a task down into subtasks', async ({ page, signedIn }) => {
  await signedIn.seedTasks([{ title: 'Buy oat milk' }]);
  await page.goto('/');

  await page.getByRole('button', { name: 'Break down “Buy oat milk” with AI' }).click();
  const subtasks = page.getByRole('list', { name: 'Subtasks of “Buy oat milk”' });
  await expect(subtasks).toBeVisible();
  expect(await subtasks.getByRole('checkbox').count()).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^0 of \d+ subtasks? done$/ })).toBeVisible();
});
