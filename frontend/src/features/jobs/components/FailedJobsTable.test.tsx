import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AdminJob } from '@/lib/api/types';
import { sessionHandlers, url } from '@/testing/api';
import { makeUser } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

function failedJob(id: string, overrides: Partial<AdminJob> = {}): AdminJob {
  return {
    id,
    kind: 'deliver_mail',
    status: 'failed',
    queue: 'mail',
    owner_id: null,
    request_id: 'req-1',
    attempts: 5,
    failure: 'app.core.mail.MailError: could not send mail: SMTPDataError',
    error: { status: 500, message: 'The job failed; an administrator can retry it.' },
    created_at: '2026-12-01T10:00:00Z',
    finished_at: '2026-12-01T10:30:00Z',
    ...overrides,
  };
}

describe('failed jobs (admin)', () => {
  it('lists failed jobs, retries one and discards another', async () => {
    let items = [failedJob('job-a'), failedJob('job-b', { kind: 'generate_plan', queue: 'ai' })];
    const retried: string[] = [];
    server.use(
      ...sessionHandlers(makeUser({ is_admin: true })),
      http.get(url('/api/admin/jobs'), ({ request }) => {
        expect(new URL(request.url).searchParams.get('status')).toBe('failed');
        return HttpResponse.json({ items });
      }),
      http.post(url('/api/admin/jobs/:id/retry'), ({ params }) => {
        retried.push(String(params.id));
        items = items.filter((job) => job.id !== params.id);
        return HttpResponse.json(failedJob(String(params.id), { status: 'queued' }));
      }),
      http.delete(url('/api/admin/jobs/:id'), ({ params }) => {
        items = items.filter((job) => job.id !== params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/admin/jobs');

    const table = await screen.findByRole('table', { name: 'Failed jobs' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(
      within(table).getAllByText('app.core.mail.MailError: could not send mail: SMTPDataError'),
    ).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Retry job deliver_mail job-a' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(retried).toEqual(['job-a']);

    await user.click(screen.getByRole('button', { name: 'Discard job generate_plan job-b' }));
    expect(await screen.findByText('No failed jobs. Everything ran.')).toBeInTheDocument();
  });

  it('is not shown to members', async () => {
    server.use(...sessionHandlers(makeUser({ is_admin: false })));
    renderApp('/admin/jobs');

    expect(await screen.findByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Jobs' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Failed jobs' })).not.toBeInTheDocument();
  });
});
