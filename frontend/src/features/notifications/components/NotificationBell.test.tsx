import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sessionHandlers, url } from '@/testing/api';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { NotificationBell } from './NotificationBell';

const reminder = {
  id: 7,
  task_id: 3,
  title: 'Reminder: Call the bank',
  body: '“Call the bank” is due 2026-03-07 13:00.',
  created_at: '2026-03-07T17:30:00+00:00',
  read_at: null,
};

describe('notification bell', () => {
  it('shows the unread count and marks everything read', async () => {
    let unread = 1;
    // Before the session's handlers: in one server.use, the first match answers.
    server.use(
      http.get(url('/api/notifications'), () =>
        HttpResponse.json({
          items: [{ ...reminder, read_at: unread ? null : '2026-03-07T18:00:00+00:00' }],
          unread,
        }),
      ),
      http.post(url('/api/notifications/read-all'), () => {
        unread = 0;
        return new HttpResponse(null, { status: 204 });
      }),
      ...sessionHandlers(),
    );
    const { user } = renderWithProviders(<NotificationBell />);

    await user.click(
      await screen.findByRole('button', { name: 'Notifications: 1 unread' }, { timeout: 5000 }),
    );
    expect(screen.getByText('Reminder: Call the bank')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument(),
    );
  });
});
