import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, sessionHandlers, url } from '@/testing/api';
import { makePage, makeTask } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

// The undo window passes on fake timers, never by waiting. Under them, clicks go through
// fireEvent: Testing Library's async wrapper (used by user-event) waits on a real setTimeout.
const UNDO_WINDOW_MS = 6_000;
vi.mock('@/config/env', () => ({
  env: { API_URL: globalThis.location.origin, UNDO_WINDOW_MS: 6_000 },
}));

describe('task actions', () => {
  it('hides a deleted task and restores it on undo without deleting anything', async () => {
    const deleted: string[] = [];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () =>
        HttpResponse.json(makePage([makeTask({ title: 'Renew passport' })])),
      ),
      http.delete(url('/api/tasks/:id'), ({ params }) => {
        deleted.push(String(params.id));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('/');
    const deleteButton = await screen.findByRole('button', { name: 'Delete “Renew passport”' });
    vi.useFakeTimers();

    fireEvent.click(deleteButton);
    expect(screen.queryByRole('checkbox', { name: 'Renew passport' })).not.toBeInTheDocument();
    expect(screen.getByText('“Renew passport” deleted.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('checkbox', { name: 'Renew passport' })).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2);
    vi.useRealTimers();
    expect(deleted).toEqual([]);
  });

  it('sends the deletion when the undo window closes', async () => {
    let tasks = [makeTask({ id: 12, title: 'Renew passport' })];
    const deleted: string[] = [];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage(tasks))),
      http.delete(url('/api/tasks/:id'), ({ params }) => {
        deleted.push(String(params.id));
        tasks = [];
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('/');
    const deleteButton = await screen.findByRole('button', { name: 'Delete “Renew passport”' });
    vi.useFakeTimers();

    fireEvent.click(deleteButton);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1);
    expect(deleted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();

    await waitFor(() => expect(deleted).toEqual(['12']));
    expect(await screen.findByText('No tasks yet')).toBeInTheDocument();
    expect(screen.queryByText('“Renew passport” deleted.')).not.toBeInTheDocument();
  });

  it('shows subtasks under their parent with the done count', async () => {
    const parent = makeTask({ id: 3, title: 'Move house', subtask_count: 2, subtasks_done: 1 });
    const children = [
      makeTask({ title: 'Book the van', parent_id: 3, done: true }),
      makeTask({ title: 'Pack books', parent_id: 3 }),
    ];
    const queries: string[] = [];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params.toString());
        return HttpResponse.json(makePage(params.get('parent_id') === '3' ? children : [parent]));
      }),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: '1 of 2 subtasks done' }));

    const nested = await screen.findByRole('list', { name: 'Subtasks of “Move house”' });
    expect(within(nested).getByRole('checkbox', { name: 'Book the van' })).toBeChecked();
    expect(within(nested).getByRole('checkbox', { name: 'Pack books' })).not.toBeChecked();
    expect(queries).toContain('parent_id=3&per_page=100&sort=created_at');
  });

  it('breaks a task down and opens the new subtasks', async () => {
    let parent = makeTask({ id: 5, title: 'Plan trip' });
    const children = [makeTask({ title: 'Pick dates', parent_id: 5 })];
    const breakdowns: unknown[] = [];
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), ({ request }) =>
        HttpResponse.json(
          makePage(new URL(request.url).searchParams.get('parent_id') ? children : [parent]),
        ),
      ),
      http.post(url('/api/tasks/:id/breakdown'), async ({ request, params }) => {
        breakdowns.push({ id: params.id, body: await request.json() });
        parent = { ...parent, subtask_count: 1 };
        return HttpResponse.json(
          { tasks: children, provider: 'offline', model: 'rules' },
          { status: 201 },
        );
      }),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Break down “Plan trip” with AI' }));

    const nested = await screen.findByRole('list', { name: 'Subtasks of “Plan trip”' });
    expect(within(nested).getByRole('checkbox', { name: 'Pick dates' })).toBeInTheDocument();
    expect(breakdowns).toEqual([{ id: '5', body: { async: true } }]);
  });

  it('follows a breakdown run as a background job by an AI provider', async () => {
    const JOB = '5d1c8a2e-0f3b-4c57-9a10-2b7e6f4d9c33';
    let parent = makeTask({ id: 6, title: 'Move house' });
    const children = [makeTask({ title: 'Book the van', parent_id: 6 })];
    let polls = 0;
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), ({ request }) =>
        HttpResponse.json(
          makePage(new URL(request.url).searchParams.get('parent_id') ? children : [parent]),
        ),
      ),
      http.post(url('/api/tasks/:id/breakdown'), () =>
        HttpResponse.json({ job_id: JOB, status_url: `/api/jobs/${JOB}` }, { status: 202 }),
      ),
      http.get(url(`/api/jobs/${JOB}`), () => {
        polls += 1;
        const done = polls > 1;
        if (done) parent = { ...parent, subtask_count: 1 };
        return HttpResponse.json({
          id: JOB,
          kind: 'breakdown_task',
          status: done ? 'succeeded' : 'running',
          created_at: '2026-12-01T10:00:00Z',
          finished_at: done ? '2026-12-01T10:00:05Z' : null,
          ...(done ? { result: { tasks: children, provider: 'openai', model: 'm' } } : {}),
        });
      }),
    );
    const { user } = renderApp('/');

    await user.click(
      await screen.findByRole('button', { name: 'Break down “Move house” with AI' }),
    );

    const nested = await screen.findByRole(
      'list',
      { name: 'Subtasks of “Move house”' },
      { timeout: 4000 },
    );
    expect(within(nested).getByRole('checkbox', { name: 'Book the van' })).toBeInTheDocument();
    expect(polls).toBe(2);
  });

  it('explains a provider timeout and retries on request', async () => {
    let attempts = 0;
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () =>
        HttpResponse.json(makePage([makeTask({ id: 9, title: 'Write talk' })])),
      ),
      http.post(url('/api/tasks/:id/breakdown'), () => {
        attempts += 1;
        return attempts === 1
          ? errorBody(504, 'The AI provider did not answer within 20 s')
          : HttpResponse.json({ tasks: [], provider: 'offline', model: 'rules' }, { status: 201 });
      }),
    );
    const { user } = renderApp('/');

    await user.click(
      await screen.findByRole('button', { name: 'Break down “Write talk” with AI' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The breakdown did not work.');
    expect(alert).toHaveTextContent('The AI provider did not answer within 20 s');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(attempts).toBe(2);
  });
});
