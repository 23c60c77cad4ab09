import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorBody, sessionHandlers, url } from '@/testing/api';
import { makeTask } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const plan = {
  provider: 'offline',
  model: 'rules-v1',
  tasks: [
    { title: 'List what to pack', estimate_minutes: 30 },
    { title: 'Book movers', estimate_minutes: 20 },
    { title: 'Change address', estimate_minutes: 15 },
  ],
};

describe('planner', () => {
  it('previews a dry run, lets the person untick and edit, then saves only what was kept', async () => {
    const generated: unknown[] = [];
    const created: unknown[] = [];
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/tasks/generate'), async ({ request }) => {
        generated.push(await request.json());
        return HttpResponse.json(plan);
      }),
      http.post(url('/api/tasks'), async ({ request }) => {
        const body = (await request.json()) as { title: string };
        created.push(body);
        return HttpResponse.json(makeTask({ title: body.title }), { status: 201 });
      }),
    );
    const { user } = renderApp('/plan');

    await user.type(await screen.findByLabelText('Goal'), 'Move to Recife');
    await user.click(screen.getByRole('button', { name: 'Propose tasks' }));
    const preview = await screen.findByRole('region', { name: 'Proposed tasks' });
    expect(within(preview).getByText('Proposed by the offline planner.')).toBeInTheDocument();
    expect(
      within(preview).getByRole('link', { name: 'Connect a model for richer plans' }),
    ).toHaveAttribute('href', '/docs/connecting-a-model.html');

    await user.click(within(preview).getByRole('checkbox', { name: 'Keep task 2' }));
    const title = within(preview).getByRole('textbox', { name: 'Title of task 3' });
    await user.clear(title);
    await user.type(title, 'Update address at the bank');
    await user.clear(
      within(preview).getByRole('spinbutton', { name: 'Estimated minutes for task 1' }),
    );
    await user.type(
      within(preview).getByRole('spinbutton', { name: 'Estimated minutes for task 1' }),
      '45',
    );
    await user.click(screen.getByRole('button', { name: 'Add 2 tasks' }));

    expect(await screen.findByText('2 tasks added.')).toBeInTheDocument();
    expect(generated).toEqual([
      {
        goal: 'Move to Recife',
        max_tasks: 7,
        granularity: 'normal',
        language: 'en',
        dry_run: true,
        async: true,
      },
    ]);
    expect(created).toEqual([
      { title: 'List what to pack', estimate_minutes: 45 },
      { title: 'Update address at the bank', estimate_minutes: 15 },
    ]);
  });

  it('shows a failing provider clearly and retries the same request', async () => {
    let attempts = 0;
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/tasks/generate'), () => {
        attempts += 1;
        return attempts === 1
          ? errorBody(502, 'The AI provider answered nonsense')
          : HttpResponse.json(plan);
      }),
    );
    const { user } = renderApp('/plan');

    await user.type(await screen.findByLabelText('Goal'), 'Learn to sail');
    await user.click(screen.getByRole('button', { name: 'Propose tasks' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The planner could not answer.');
    expect(alert).toHaveTextContent('The AI provider answered nonsense');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('region', { name: 'Proposed tasks' })).toBeInTheDocument();
    expect(attempts).toBe(2);
  });

  it('tells the person how long to wait when rate limited', async () => {
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/tasks/generate'), () =>
        HttpResponse.json(
          { code: 429, status: 'Too Many Requests', message: 'Too Many Requests' },
          { status: 429, headers: { 'Retry-After': '30' } },
        ),
      ),
    );
    const { user } = renderApp('/plan');

    await user.type(await screen.findByLabelText('Goal'), 'Learn to sail');
    await user.click(screen.getByRole('button', { name: 'Propose tasks' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please try again in 30 seconds.');
  });

  it('can cancel a slow request and stays usable', async () => {
    server.use(
      ...sessionHandlers(),
      // Answers only when the app gives up on the request: Cancel must abort it.
      http.post(url('/api/tasks/generate'), async ({ request }) => {
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        return HttpResponse.json(plan);
      }),
    );
    const { user } = renderApp('/plan');

    await user.type(await screen.findByLabelText('Goal'), 'Learn to sail');
    await user.click(screen.getByRole('button', { name: 'Propose tasks' }));
    expect(await screen.findByText(/Planning…/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Propose tasks' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Propose tasks' })).toBeEnabled(),
    );
    expect(screen.queryByText(/Planning…/)).not.toBeInTheDocument();
  });

  describe('with an AI provider (a background job)', () => {
    const JOB = '0b7c7a4e-3f5d-4a43-9a52-8b1a6d2f1c11';

    function job(status: string, extra: Record<string, unknown> = {}) {
      return {
        id: JOB,
        kind: 'generate_plan',
        status,
        created_at: '2026-12-01T10:00:00Z',
        finished_at: status === 'queued' || status === 'running' ? null : '2026-12-01T10:00:09Z',
        ...extra,
      };
    }

    it('follows the job until the plan is ready, keeping its id in the URL meanwhile', async () => {
      const polls: string[] = [];
      server.use(
        ...sessionHandlers(),
        http.post(url('/api/tasks/generate'), () =>
          HttpResponse.json({ job_id: JOB, status_url: `/api/jobs/${JOB}` }, { status: 202 }),
        ),
        http.get(url(`/api/jobs/${JOB}`), () => {
          polls.push(JOB);
          return HttpResponse.json(
            polls.length < 2 ? job('running') : job('succeeded', { result: plan }),
          );
        }),
      );
      const { user } = renderApp('/plan');

      await user.type(await screen.findByLabelText('Goal'), 'Move to Recife');
      await user.click(screen.getByRole('button', { name: 'Propose tasks' }));

      expect(await screen.findByText(/Planning…/)).toBeInTheDocument();
      expect(screen.getByTestId('location')).toHaveTextContent(`/plan?job=${JOB}`);
      const preview = await screen.findByRole(
        'region',
        { name: 'Proposed tasks' },
        { timeout: 4000 },
      );
      expect(within(preview).getByRole('textbox', { name: 'Title of task 2' })).toHaveValue(
        'Book movers',
      );
      await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/plan$/));
    });

    it('picks a generation in progress up again after a reload', async () => {
      server.use(
        ...sessionHandlers(),
        http.get(url(`/api/jobs/${JOB}`), () =>
          HttpResponse.json(job('succeeded', { result: plan })),
        ),
      );
      renderApp(`/plan?job=${JOB}`);

      expect(await screen.findByRole('region', { name: 'Proposed tasks' })).toBeInTheDocument();
    });

    it('shows the error of a failed job', async () => {
      server.use(
        ...sessionHandlers(),
        http.get(url(`/api/jobs/${JOB}`), () =>
          HttpResponse.json(
            job('failed', { error: { status: 504, message: 'The AI provider timed out' } }),
          ),
        ),
      );
      renderApp(`/plan?job=${JOB}`);

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The planner took too long to answer.');
      expect(alert).toHaveTextContent('The AI provider timed out');
    });

    it('cancels the job on the server', async () => {
      const cancelled: string[] = [];
      server.use(
        ...sessionHandlers(),
        http.get(url(`/api/jobs/${JOB}`), () => HttpResponse.json(job('running'))),
        http.delete(url(`/api/jobs/${JOB}`), () => {
          cancelled.push(JOB);
          return HttpResponse.json(job('cancelled'));
        }),
      );
      const { user } = renderApp(`/plan?job=${JOB}`);

      expect(await screen.findByText(/Planning…/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Cancel' }));

      await waitFor(() => expect(cancelled).toEqual([JOB]));
      expect(screen.getByRole('button', { name: 'Propose tasks' })).toBeEnabled();
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/plan$/);
    });
  });
});
