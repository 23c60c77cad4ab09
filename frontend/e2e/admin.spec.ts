import { adminAccount, expect, logIn, newAccount, test } from './support/fixtures';

test('an admin creates a user, makes them admin and deletes them', async ({ page }) => {
  await logIn(page.request, adminAccount());
  await page.goto('/');
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

  const person = newAccount('Davi Melo');
  const form = page.getByRole('form', { name: 'Create a user' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Password').fill(person.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`${person.email} was created.`)).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(person.email) });
  await expect(row).toContainText('Member');
  await row.getByRole('button', { name: `Make ${person.email} an admin` }).click();
  await expect(row).toContainText('Admin');

  await row.getByRole('button', { name: `Delete ${person.email}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row', { name: new RegExp(person.email) })).toHaveCount(0);
});

test('a person who is not an admin has no users page', async ({ page, request }) => {
  const person = newAccount('Eva Luz');
  const created = await request.post('/api/auth/register', { data: person });
  expect(created.status()).toBe(201);
  await logIn(page.request, person);
  await page.goto('/admin/users');
  await expect(page.getByText('You are not allowed to do this.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
});
