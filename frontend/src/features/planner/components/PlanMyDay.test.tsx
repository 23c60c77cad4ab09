import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorBody, sessionHandlers, url } from '@/testing/api';
import { makeTask } from '@/testing/data';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { PlanMyDay } from './PlanMyDay';

const bills = makeTask({ id: 11, title: 'Pay the electricity bill', due_date: '2026-12-02' });
const plumber = makeTask({ id: 12, title: 'Call the plumber' });
const report = makeTask({ id: 13, title: 'Write the report', priority: 1 });

const proposal = {
  date: '2026-12-02',
  available_minutes: 90,
  planned_minutes: 75,
  left_out: 2,
  tasks: [
    { task: bills, minutes: 15, estimated: false, reason: 'Due today, quick: 15 min' },
    { task: report, minutes: 30, estimated: false, reason: 'Priority 1, 30 min' },
    { task: plumber, minutes: 30, estimated: true, reason: 'About 30 min (estimated)' },
  ],
};

describe('Plan my day', () => {
  it('previews what fits with the reasons, and gives the kept tasks today', async () => {
    const asked: unknown[] = [];
    const accepted: unknown[] = [];
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/plan/today'), async ({ request }) => {
        asked.push(await request.json());
        return HttpResponse.json(proposal);
      }),
      http.post(url('/api/plan/today/accept'), async ({ request }) => {
        const body = (await request.json()) as { task_ids: number[] };
        accepted.push(body);
        return HttpResponse.json({
          date: '2026-12-02',
          tasks: body.task_ids.map((id) => makeTask({ id, due_date: '2026-12-02' })),
        });
      }),
    );
    const { user } = renderWithProviders(<PlanMyDay />);

    const minutes = screen.getByLabelText('Minutes free today');
    await user.clear(minutes);
    await user.type(minutes, '90');
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));

    const preview = await screen.findByRole('region', { name: 'Proposed for today' });
    expect(asked).toEqual([{ available_minutes: 90, language: 'en' }]);
    expect(within(preview).getByText('75 of 90 minutes planned. 2 open tasks did not fit.'));
    const items = within(preview).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Pay the electricity bill15 minDue today, quick: 15 min',
      'Write the report30 minPriority 1, 30 min',
      'Call the plumberabout 30 min (estimated)About 30 min (estimated)',
    ]);
    expect(screen.getByText(/Ordered by the offline planner/)).toBeInTheDocument();

    await user.click(
      within(preview).getByRole('checkbox', { name: 'Keep “Write the report” for today' }),
    );
    await user.click(screen.getByRole('button', { name: 'Do 2 tasks today' }));

    expect(await screen.findByText('2 tasks are now due today.')).toBeInTheDocument();
    expect(accepted).toEqual([{ task_ids: [11, 12] }]);
    expect(screen.queryByRole('region', { name: 'Proposed for today' })).not.toBeInTheDocument();
  });

  it('refuses minutes out of range without calling the server', async () => {
    let calls = 0;
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/plan/today'), () => {
        calls += 1;
        return HttpResponse.json(proposal);
      }),
    );
    const { user } = renderWithProviders(<PlanMyDay />);

    const minutes = screen.getByLabelText('Minutes free today');
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));

    expect(screen.getByText('Enter a whole number of minutes from 1 to 1440.')).toBeInTheDocument();
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toBe(0);
  });

  it('says when nothing fits, and explains a failed acceptance', async () => {
    server.use(
      ...sessionHandlers(),
      http.post(url('/api/plan/today'), () =>
        HttpResponse.json({ ...proposal, tasks: [], planned_minutes: 0, left_out: 3 }),
      ),
    );
    const { user } = renderWithProviders(<PlanMyDay />);

    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    expect(await screen.findByText(/No open task fits in that time/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /today$/ })).not.toBeInTheDocument();

    server.use(
      http.post(url('/api/plan/today'), () => HttpResponse.json(proposal)),
      http.post(url('/api/plan/today/accept'), () => errorBody(404, 'No such task in your list')),
    );
    await user.click(screen.getByRole('button', { name: 'Plan my day' }));
    await user.click(await screen.findByRole('button', { name: 'Do 3 tasks today' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'One of these tasks was deleted or moved meanwhile. Plan your day again.',
    );
  });
});
