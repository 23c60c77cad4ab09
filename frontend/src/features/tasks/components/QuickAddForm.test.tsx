import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionHandlers, url } from '@/testing/api';
import { makeTask } from '@/testing/data';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { PARSE_DEBOUNCE_MS } from '../hooks/use-line-chips';
import { QuickAddForm } from './QuickAddForm';

interface Sent {
  text: string;
  literal: string[];
}

/** The parse endpoint as the server answers "Dentista sexta 14h30 #saúde !1"; a literal
 * kind leaves its words in the title. */
function answer(body: Sent) {
  const literalProject = body.literal.includes('project');
  return {
    title: literalProject ? 'Dentista #saúde' : 'Dentista',
    language: 'pt-BR',
    due_date: '2026-03-13',
    due_time: '14:30',
    due_at: '2026-03-13T17:30:00+00:00',
    project: literalProject ? null : 'saúde',
    labels: ['pessoal'],
    priority: 1,
    recurrence: 'FREQ=WEEKLY;BYDAY=FR',
    recurrence_text: 'Toda sexta-feira',
    reminder: { before_minutes: 30 },
  };
}

function parseHandler(sent: Sent[]) {
  return http.post(url('/api/tasks/parse'), async ({ request }) => {
    const body = (await request.json()) as Sent;
    sent.push(body);
    return HttpResponse.json(answer(body));
  });
}

const chipTexts = () =>
  within(screen.getByRole('list', { name: 'Recognised' }))
    .getAllByRole('listitem')
    .map((chip) => chip.textContent);

describe('quick add', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  function setup(ui = <QuickAddForm />) {
    renderWithProviders(ui);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    return { user, input: screen.getByLabelText('New task') };
  }

  it('parses once typing pauses and shows a chip for everything recognised', async () => {
    const sent: Sent[] = [];
    server.use(...sessionHandlers(), parseHandler(sent));
    const { user, input } = setup();

    await user.type(input, 'Dentista toda sexta 14h30 #saúde @pessoal !1 me lembre 30 min antes');
    expect(sent).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS));

    await screen.findByRole('list', { name: 'Recognised' });
    expect(chipTexts()).toEqual([
      'Fri, Mar 13 14:30×',
      'Toda sexta-feira×',
      '#saúde×',
      '@pessoal×',
      'Priority 1×',
      'Remind 30 min before×',
    ]);
    expect(screen.getByText('Title: Dentista')).toBeInTheDocument();
    expect(sent).toEqual([
      { text: 'Dentista toda sexta 14h30 #saúde @pessoal !1 me lembre 30 min antes', literal: [] },
    ]);
    expect(
      screen.getByText(
        'Recognised: Fri, Mar 13 14:30, Toda sexta-feira, #saúde, @pessoal, Priority 1, Remind 30 min before. Title: Dentista',
      ),
    ).toHaveAttribute('aria-live', 'polite');
  });

  it('cancels the parse of a line that changed before its answer came', async () => {
    const aborted: string[] = [];
    const sent: Sent[] = [];
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/tasks/parse'), async ({ request }) => {
        const body = (await request.json()) as Sent;
        sent.push(body);
        if (body.text === 'Dentista') {
          // Never answers: the only way out is the client giving up on it.
          await new Promise<void>((resolve) =>
            request.signal.addEventListener('abort', () => {
              aborted.push(body.text);
              resolve();
            }),
          );
          return HttpResponse.json({ title: 'stale' });
        }
        return HttpResponse.json(answer(body));
      }),
    );
    const { user, input } = setup();

    await user.type(input, 'Dentista');
    await act(() => vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS));
    await waitFor(() => expect(sent.map((body) => body.text)).toEqual(['Dentista']));
    await user.type(input, ' sexta');
    await act(() => vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS));

    expect(await screen.findByText('Title: Dentista')).toBeInTheDocument();
    expect(sent.map((body) => body.text)).toEqual(['Dentista', 'Dentista sexta']);
    await waitFor(() => expect(aborted).toEqual(['Dentista']));
  });

  it('never shows the last line’s chips on a line started afresh', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/tasks/parse'), async ({ request }) => {
        const body = (await request.json()) as Sent;
        if (body.text === 'Comprar pão') {
          await held;
          return HttpResponse.json({ ...answer(body), title: 'Comprar pão', project: null });
        }
        return HttpResponse.json(answer(body));
      }),
    );
    const { user, input } = setup();
    await user.type(input, 'Dentista sexta 14h30 #saúde');
    await act(() => vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS));
    await screen.findByRole('list', { name: 'Recognised' });

    await user.clear(input);
    await user.type(input, 'Comprar pão');
    await act(() => vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS));
    expect(screen.queryByRole('list', { name: 'Recognised' })).not.toBeInTheDocument();
    release();

    expect(await screen.findByText('Title: Comprar pão')).toBeInTheDocument();
    expect(chipTexts()).not.toContain('#saúde×');
  });

  it('keeps a removed chip as words, then creates the task with the view’s defaults', async () => {
    const sent: Sent[] = [];
    const created: unknown[] = [];
    server.use(
      ...sessionHandlers(),
      parseHandler(sent),
      http.post(url('/api/tasks/quick'), async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json(makeTask({ title: 'Dentista #saúde' }), { status: 201 });
      }),
    );
    const { user, input } = setup(
      <QuickAddForm defaults={{ projectId: 7, dueDate: '2026-03-11', labels: ['casa'] }} />,
    );
    await user.type(input, 'Dentista sexta 14h30 #saúde');
    await act(() => vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS));

    await user.click(
      await screen.findByRole('button', { name: 'Keep “#saúde” as words in the title' }),
    );
    expect(await screen.findByText('Title: Dentista #saúde')).toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(chipTexts()).not.toContain('#saúde×');
    expect(sent.at(-1)).toEqual({ text: 'Dentista sexta 14h30 #saúde', literal: ['project'] });
    await user.keyboard('{Enter}');

    await waitFor(() => expect(input).toHaveValue(''));
    expect(created).toEqual([
      {
        text: 'Dentista sexta 14h30 #saúde',
        literal: ['project'],
        description: null,
        priority: 4,
        labels: ['casa'],
        due_date: '2026-03-11',
        project_id: 7,
      },
    ]);
    expect(screen.queryByRole('list', { name: 'Recognised' })).not.toBeInTheDocument();
  });

  it('shows the server’s reason when nothing is left for a title', async () => {
    const reason = 'What is left for the title must have 1 to 160 characters.';
    server.use(
      ...sessionHandlers(),
      parseHandler([]),
      http.post(url('/api/tasks/quick'), () =>
        HttpResponse.json(
          { code: 422, status: 'Unprocessable Entity', errors: { json: { text: [reason] } } },
          { status: 422 },
        ),
      ),
    );
    const { user, input } = setup();
    await user.type(input, 'amanhã 9h{Enter}');

    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });
});
