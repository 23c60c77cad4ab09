import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '@/i18n';
import { sessionHandlers, url } from '@/testing/api';
import { makePage, makeTask } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const weekly = makeTask({
  id: 31,
  title: 'Yoga',
  due_date: '2030-01-07',
  due_time: '07:30',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO',
  recurrence_text: 'Every Monday',
  reminders: [
    {
      id: 1,
      before_minutes: 30,
      remind_at: null,
      fire_at: '2030-01-07T09:00:00+00:00',
      sent: false,
    },
  ],
});

function rowOf(checkbox: HTMLElement): HTMLElement {
  const row = checkbox.closest('li');
  if (!row) throw new Error('The checkbox is not in a task row');
  return row;
}

describe('a task row’s time', () => {
  afterEach(async () => {
    await changeLanguage('en');
  });

  it('shows the due time, the rule in words and the reminder', async () => {
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([weekly]))),
    );
    renderApp('/');

    const row = rowOf(await screen.findByRole('checkbox', { name: 'Yoga' }));
    expect(within(row).getByText(/7:30 AM$/)).toHaveAttribute('datetime', '2030-01-07T07:30');
    expect(within(row).getByText('Every Monday')).toBeInTheDocument();
    expect(within(row).getByText('Reminder 30m before')).toBeInTheDocument();
  });

  it('asks the API in the app’s language', async () => {
    const languages: (string | null)[] = [];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), ({ request }) => {
        languages.push(request.headers.get('Accept-Language'));
        return HttpResponse.json(makePage([{ ...weekly, recurrence_text: 'Toda segunda-feira' }]));
      }),
    );
    await changeLanguage('pt-BR');
    renderApp('/');

    const row = rowOf(await screen.findByRole('checkbox', { name: 'Yoga' }));
    expect(within(row).getByText('Toda segunda-feira')).toBeInTheDocument();
    expect(within(row).getByText('Lembrete 30 min antes')).toBeInTheDocument();
    expect(languages).toEqual(['pt-BR']);
  });

  it.each([
    ['Skip this one: “Yoga”', 'skip', { due_date: '2030-01-14' }],
    ['Stop repeating “Yoga”', 'stop-repeating', { recurrence: null, recurrence_text: null }],
  ])('“%s” calls %s and shows the task as the API returns it', async (name, action, change) => {
    let task = weekly;
    const calls: string[] = [];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([task]))),
      http.post(url(`/api/tasks/:id/${action}`), ({ params }) => {
        calls.push(String(params.id));
        task = { ...weekly, ...change };
        return HttpResponse.json(task);
      }),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name }));

    await waitFor(() => expect(calls).toEqual(['31']));
    const row = rowOf(screen.getByRole('checkbox', { name: 'Yoga' }));
    if (action === 'skip') {
      expect(await within(row).findByText('Jan 14, 2030 7:30 AM')).toBeInTheDocument();
    } else {
      await waitFor(() => expect(within(row).queryByText('Every Monday')).toBeNull());
      expect(within(row).queryByRole('button', { name })).toBeNull();
    }
  });
});
