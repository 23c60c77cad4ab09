import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sessionHandlers, url } from '@/testing/api';
import { makeUser } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('users', () => {
  it('deactivates an account and shows it as deactivated', async () => {
    const admin = makeUser({ id: 1, email: 'admin@example.com', is_admin: true });
    let member = makeUser({ id: 2, name: 'Bia', email: 'bia@example.com' });
    const patches: unknown[] = [];
    server.use(
      ...sessionHandlers(admin),
      http.get(url('/api/users'), () =>
        HttpResponse.json({ items: [admin, member], total: 2, page: 1, per_page: 20, pages: 1 }),
      ),
      http.patch(url('/api/users/2'), async ({ request }) => {
        const changes = (await request.json()) as { is_active: boolean };
        patches.push(changes);
        member = { ...member, ...changes };
        return HttpResponse.json(member);
      }),
    );
    const { user } = renderApp('/admin/users');

    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Deactivate bia@example.com: no login, every session ends' },
        { timeout: 10_000 }, // the route is loaded lazily
      ),
    );

    const row = (await screen.findByRole('button', { name: 'Reactivate bia@example.com' })).closest(
      'tr',
    );
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('Member (deactivated)')).toBeInTheDocument();
    expect(patches).toEqual([{ is_active: false }]);
  });
});
