import {
  createTask,
  expect,
  isoDay,
  logIn,
  newAccount,
  register,
  saveScreenshot,
  test,
} from './support/fixtures';

test.describe('Portuguese', () => {
  test('switching to Portuguese translates the app and survives a reload', async ({
    page,
    request,
  }) => {
    const account = newAccount('Joana Reis');
    await register(request, account);
    const token = await logIn(page.request, account);
    await createTask(request, token, { title: 'Renovar passaporte', due_date: isoDay(0) });
    await createTask(request, token, { title: 'Pagar boleto', due_date: '2020-03-05' });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();

    await page.getByLabel('Language').selectOption({ label: 'Português (Brasil)' });

    await expect(page.getByRole('heading', { name: 'Tarefas' })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Suas tarefas' }).getByText('Hoje', { exact: true }),
    ).toBeVisible();
    await expect(page.getByText('Atrasada desde 5 de mar. de 2020')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Tarefas' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
    await saveScreenshot(page, 'tasks-pt-BR');
  });

  test.describe('with a Portuguese browser', () => {
    test.use({ locale: 'pt-BR' });

    test('the first visit is already in Portuguese', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Entrar' })).toBeVisible();
      await expect(page.getByLabel('Senha')).toBeVisible();
    });
  });
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('everything fits in 360 px and works', async ({ page, request }) => {
    const account = newAccount('Rui Costa');
    await register(request, account);
    const token = await logIn(page.request, account);
    const parent = await createTask(request, token, {
      title: 'Prepare the quarterly presentation for the board meeting',
      description: 'Slides, numbers and a short demo',
      due_date: isoDay(0),
    });
    await createTask(request, token, { title: 'Collect numbers', parent_id: parent });
    await page.goto('/');

    await page.getByLabel('New task').fill('Call the plumber');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Call the plumber' })).toBeVisible();
    await page.getByRole('button', { name: '0 of 1 subtask done' }).click();
    await expect(page.getByRole('checkbox', { name: 'Collect numbers' })).toBeVisible();

    for (const path of ['/', '/plan', '/settings']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    await expect(page.getByRole('checkbox', { name: 'Call the plumber' })).toBeVisible();
    await saveScreenshot(page, 'tasks-phone');
  });
});
