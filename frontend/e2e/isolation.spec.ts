import { createTask, expect, logIn, newAccount, register, test } from './support/fixtures';

test('a second person sees none of the first person’s tasks', async ({ page, request }) => {
  const ana = newAccount('Ana Souza');
  await register(request, ana);
  const anaToken = await logIn(request, ana);
  const secretId = await createTask(request, anaToken, { title: 'Ana private plan' });
  await createTask(request, anaToken, { title: 'Ana step', parent_id: secretId });

  const bia = newAccount('Bia Lima');
  await register(request, bia);
  const biaToken = await logIn(page.request, bia);
  await page.goto('/');

  await expect(page.getByText('No tasks yet')).toBeVisible();
  await page.getByLabel('Search').fill('Ana');
  await expect(page.getByText('No tasks match these filters.')).toBeVisible();

  const direct = await page.request.get(`/api/tasks/${secretId}`, {
    headers: { Authorization: `Bearer ${biaToken}` },
  });
  expect(direct.status()).toBe(404);
  const subtasks = await page.request.get(`/api/tasks?parent_id=${secretId}`, {
    headers: { Authorization: `Bearer ${biaToken}` },
  });
  expect(((await subtasks.json()) as { total: number }).total).toBe(0);
});
