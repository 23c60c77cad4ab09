import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sessionHandlers, url } from '@/testing/api';
import { makeTask } from '@/testing/data';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { QuickAdd } from './QuickAdd';

interface Sent {
  text: string;
  literal: string[];
}

/** The parse endpoint as the server answers "Dentista sexta 14h30 #saúde"; a literal
 * project leaves "#saúde" in the title. */
function parseHandler(sent: Sent[]) {
  return http.post(url('/api/tasks/parse'), async ({ request }) => {
    const body = (await request.json()) as Sent;
    sent.push(body);
    const literalProject = body.literal.includes('project');
    return HttpResponse.json({
      title: literalProject ? 'Dentista #saúde' : 'Dentista',
      language: 'pt-BR',
      due_date: '2026-03-13',
      due_time: '14:30',
      due_at: '2026-03-13T17:30:00+00:00',
      project: literalProject ? null : 'saúde',
      labels: [],
      priority: null,
      recurrence: 'FREQ=WEEKLY;BYDAY=FR',
      recurrence_text: 'Every Friday',
      reminder: null,
    });
  });
}

describe('quick add', () => {
  it('shows what it recognised as chips while the person types', async () => {
    const parsed: Sent[] = [];
    server.use(...sessionHandlers(), parseHandler(parsed));
    const { user } = renderWithProviders(<QuickAdd />);

    await user.type(
      screen.getByLabelText('Add a task in your own words'),
      'Dentista toda sexta 14h30 #saúde',
    );

    const chips = await screen.findByRole('list', { name: 'Recognised' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['Fri, Mar 13 14:30×', 'Every Friday×', '#saúde×']);
    expect(screen.getByText('Title: Dentista')).toBeInTheDocument();
    expect(parsed.at(-1)).toEqual({
      text: 'Dentista toda sexta 14h30 #saúde',
      literal: [],
    });
  });

  it('keeps a removed chip as words and creates the task with one call', async () => {
    const parsed: Sent[] = [];
    const created: Sent[] = [];
    server.use(
      ...sessionHandlers(),
      parseHandler(parsed),
      http.post(url('/api/tasks/quick'), async ({ request }) => {
        created.push((await request.json()) as Sent);
        return HttpResponse.json(makeTask({ title: 'Dentista #saúde' }), { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<QuickAdd />);
    const input = screen.getByLabelText('Add a task in your own words');
    await user.type(input, 'Dentista sexta 14h30 #saúde');

    await user.click(
      await screen.findByRole('button', { name: 'Keep “#saúde” as words in the title' }),
    );
    expect(await screen.findByText('Title: Dentista #saúde')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add' }));

    await waitFor(() =>
      expect(created).toEqual([{ text: 'Dentista sexta 14h30 #saúde', literal: ['project'] }]),
    );
    await waitFor(() => expect(input).toHaveValue(''));
  });
});
