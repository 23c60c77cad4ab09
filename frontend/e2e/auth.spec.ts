import { expect, newAccount, test } from './support/fixtures';
import { test as signedInTest } from './support/signed-in';

test('a new person registers, logs out and logs in again', async ({ page }) => {
  const account = newAccount('Carla Dias');

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
});

signedInTest(
  'the session survives a reload, and logging out ends it',
  async ({ page, signedIn }) => {
    await signedIn.seedTasks([{ title: 'Buy oat milk' }]);
    await page.goto('/');
    await expect(page.getByRole('checkbox', { name: 'Buy oat milk' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Buy oat milk' })).toBeVisible();

    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  },
);
