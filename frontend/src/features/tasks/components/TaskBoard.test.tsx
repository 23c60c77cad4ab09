import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { todayIso } from '@/lib/format';
import { sessionHandlers, url } from '@/testing/api';
import { makePage, makeTask } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import type { QuickAddBody } from '../api/quick-add';

/** The parse answer for a line with nothing but a title in it. */
function nothingRecognised(title: string) {
  return {
    ...{ title, language: 'en', due_date: null, due_time: null, due_at: null, project: null },
    ...{ labels: [], priority: null, recurrence: null, recurrence_text: null, reminder: null },
  };
}

/** Records every list query string and answers with the given tasks. */
function listHandler(tasks = [makeTask({ title: 'Water the plants' })], queries: string[] = []) {
  return http.get(url('/api/tasks'), ({ request }) => {
    queries.push(new URL(request.url).search);
    return HttpResponse.json(makePage(tasks));
  });
}

describe('task board', () => {
  it('asks for top-level tasks, newest first, on page 1', async () => {
    const queries: string[] = [];
    server.use(...sessionHandlers(), listHandler(undefined, queries));
    renderApp('/');

    expect(await screen.findByRole('checkbox', { name: 'Water the plants' })).toBeInTheDocument();
    expect(queries).toEqual(['?page=1&per_page=20&sort=-created_at&top_level=true']);
  });

  it('builds the query from the status filter, the sort and the search box', async () => {
    const queries: string[] = [];
    server.use(...sessionHandlers(), listHandler(undefined, queries));
    const { user } = renderApp('/');
    await screen.findByRole('checkbox', { name: 'Water the plants' });

    await user.click(screen.getByRole('radio', { name: 'Open' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Title (A–Z)');
    await user.type(screen.getByLabelText('Search'), 'milk');

    await waitFor(() =>
      expect(queries.at(-1)).toBe(
        '?page=1&per_page=20&sort=title&top_level=true&done=false&q=milk',
      ),
    );
    expect(queries).toContain('?page=1&per_page=20&sort=-created_at&top_level=true&done=false');
    expect(screen.getByTestId('location')).toHaveTextContent('/?status=open&sort=title&q=milk');
  });

  it('quick-adds a line with its optional details and clears the field', async () => {
    const created: QuickAddBody[] = [];
    let tasks = [makeTask({ title: 'Water the plants' })];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage(tasks))),
      http.post(url('/api/tasks/parse'), () => HttpResponse.json(nothingRecognised('Buy milk'))),
      http.post(url('/api/tasks/quick'), async ({ request }) => {
        const body = (await request.json()) as QuickAddBody;
        created.push(body);
        const task = makeTask({ title: body.text, due_date: body.due_date ?? null });
        tasks = [task, ...tasks];
        return HttpResponse.json(task, { status: 201 });
      }),
    );
    const { user } = renderApp('/');
    await screen.findByRole('checkbox', { name: 'Water the plants' });

    await user.type(screen.getByLabelText('New task'), 'Buy milk');
    await user.click(
      screen.getByRole('button', { name: 'Add details (due date, priority, labels)' }),
    );
    await user.type(screen.getByLabelText('Description'), 'Oat, 2 litres');
    await user.type(screen.getByLabelText('Due date'), '2030-01-15');
    const quickAdd = screen.getByRole('form', { name: 'Add a task' });
    await user.selectOptions(within(quickAdd).getByLabelText('Priority'), 'Priority 2');
    await user.type(within(quickAdd).getByLabelText('Labels'), '#errands, home');
    await user.click(screen.getByRole('button', { name: 'Add' }));

    expect(await screen.findByRole('checkbox', { name: 'Buy milk' })).toBeInTheDocument();
    expect(created).toEqual([
      {
        text: 'Buy milk',
        literal: [],
        description: 'Oat, 2 litres',
        due_date: '2030-01-15',
        priority: 2,
        labels: ['errands', 'home'],
      },
    ]);
    expect(screen.getByLabelText('New task')).toHaveValue('');
  });

  it('refuses an empty title without calling the API', async () => {
    server.use(...sessionHandlers(), listHandler());
    const { user } = renderApp('/');
    await screen.findByRole('checkbox', { name: 'Water the plants' });

    await user.click(screen.getByRole('button', { name: 'Add' }));

    expect(screen.getByText('This field is required.')).toBeInTheDocument();
    expect(screen.getByLabelText('New task')).toHaveAttribute('aria-invalid', 'true');
  });

  it('toggles a task at once and sends the toggle', async () => {
    const toggled: string[] = [];
    let task = makeTask({ id: 41, title: 'Call the bank' });
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([task]))),
      http.post(url('/api/tasks/:id/toggle'), ({ params }) => {
        toggled.push(String(params.id));
        task = { ...task, done: !task.done };
        return HttpResponse.json(task);
      }),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('checkbox', { name: 'Call the bank' }));

    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Call the bank' })).toBeChecked(),
    );
    expect(toggled).toEqual(['41']);
  });

  it('puts the checkbox back and says why when a toggle fails', async () => {
    server.use(
      ...sessionHandlers(),
      listHandler([makeTask({ title: 'Call the bank' })]),
      http.post(url('/api/tasks/:id/toggle'), () => HttpResponse.error()),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('checkbox', { name: 'Call the bank' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The change was not saved.');
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Call the bank' })).not.toBeChecked(),
    );
  });

  it('edits a task in place', async () => {
    const patches: unknown[] = [];
    const task = makeTask({ id: 7, title: 'Draft report' });
    let current = task;
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([current]))),
      http.patch(url('/api/tasks/:id'), async ({ request }) => {
        const changes = (await request.json()) as Record<string, unknown>;
        patches.push(changes);
        current = { ...current, ...changes };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Edit “Draft report”' }));
    const form = screen.getByRole('form', { name: 'Edit “Draft report”' });
    await user.clear(within(form).getByLabelText('Title'));
    await user.type(within(form).getByLabelText('Title'), 'Send report');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('checkbox', { name: 'Send report' })).toBeInTheDocument();
    expect(patches).toEqual([
      { title: 'Send report', description: null, due_date: null, priority: 4, labels: [] },
    ]);
  });

  it('makes overdue and due-today tasks stand out in words', async () => {
    server.use(
      ...sessionHandlers(),
      listHandler([
        makeTask({ title: 'Late one', due_date: '2020-01-02' }),
        makeTask({ title: 'Today one', due_date: todayIso() }),
        makeTask({ title: 'Done late', due_date: '2020-01-02', done: true }),
      ]),
    );
    renderApp('/');

    expect(await screen.findByText('Overdue since Jan 2, 2020')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Your tasks' });
    expect(within(list).getByText('Today')).toBeInTheDocument();
    expect(within(list).getAllByText(/Overdue/)).toHaveLength(1);
  });

  it('says so when there are no tasks yet', async () => {
    server.use(...sessionHandlers(), listHandler([]));
    renderApp('/');
    expect(await screen.findByText('No tasks yet')).toBeInTheDocument();
  });

  it('counts the tasks', async () => {
    server.use(...sessionHandlers(), listHandler([makeTask({ title: 'Water the plants' })]));
    renderApp('/');
    expect(await screen.findByText('1 task')).toBeInTheDocument();
  });

  it('says "more than" when the server capped the count', async () => {
    const page = makePage([makeTask()], { total: 1000, pages: 50, total_exact: false });
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(page)),
    );
    renderApp('/');
    expect(await screen.findByText('More than 1,000 tasks')).toBeInTheDocument();
  });
});
