import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionHandlers, url } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const CSV =
  'title,description,due_date,due_time,project,labels,priority,done\r\nPay rent,,,,,,4,false\r\n';

describe('download my data', () => {
  const saved: { name: string; href: string; body: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  beforeEach(() => {
    saved.length = 0;
    blobs.clear();
    vi.stubGlobal(
      'URL',
      Object.assign(globalThis.URL, {
        createObjectURL: vi.fn((blob: Blob) => {
          const href = `blob:test/${blobs.size + 1}`;
          blobs.set(href, blob);
          return href;
        }),
        revokeObjectURL: vi.fn((href: string) => blobs.delete(href)),
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const blob = blobs.get(this.href);
      saved.push({
        name: this.download,
        href: this.href,
        body: blob ? blob.text() : Promise.resolve(''),
      });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('fetches the CSV with the access token and saves it under the server’s name', async () => {
    const asked: { format: string | null; auth: string | null }[] = [];
    server.use(
      ...sessionHandlers(undefined, 'access-7'),
      http.get(url('/api/export'), ({ request }) => {
        asked.push({
          format: new URL(request.url).searchParams.get('format'),
          auth: request.headers.get('Authorization'),
        });
        return new HttpResponse(CSV, {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition': 'attachment; filename="tarefa-20261201.csv"',
          },
        });
      }),
    );
    const { user } = renderApp('/settings');

    await user.click(await screen.findByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(asked).toEqual([{ format: 'csv', auth: 'Bearer access-7' }]);
    expect(saved[0]).toMatchObject({ name: 'tarefa-20261201.csv', href: 'blob:test/1' });
    expect(await saved[0]?.body).toBe(CSV);
    await waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1'));
  });

  it('says why when the export fails, and saves nothing', async () => {
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/export'), () => HttpResponse.error()),
    );
    const { user } = renderApp('/settings');

    await user.click(await screen.findByRole('button', { name: 'Download JSON' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Tarefa's server cannot be reached. Check your connection and try again.",
    );
    expect(saved).toEqual([]);
  });
});

describe('import', () => {
  function importHandler(calls: (string | null)[], rejected = {}) {
    return http.post(url('/api/import'), async ({ request }) => {
      const dryRun = new URL(request.url).searchParams.get('dry_run');
      // jsdom's FormData does not survive Node's fetch, so the file's bytes are not checked
      // here; e2e/time.spec.ts imports a real file through Chromium.
      calls.push(dryRun);
      return HttpResponse.json(
        {
          dry_run: dryRun === 'true',
          format: 'csv',
          created: { projects: 1, labels: 2, tasks: 3 },
          rejected: dryRun === 'true' ? rejected : {},
        },
        { status: dryRun === 'true' ? 200 : 201 },
      );
    });
  }

  it('checks the chosen file first, then imports it', async () => {
    const calls: (string | null)[] = [];
    server.use(...sessionHandlers(), importHandler(calls));
    const { user } = renderApp('/settings');
    const file = new File([CSV], 'tasks.csv', { type: 'text/csv' });

    await user.upload(await screen.findByLabelText('File to import'), file);

    expect(
      await screen.findByText('Would be created — projects: 1, labels: 2, tasks: 3.'),
    ).toBeInTheDocument();
    expect(calls).toEqual(['true']);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(
      await screen.findByText('Imported — projects: 1, labels: 2, tasks: 3.'),
    ).toBeInTheDocument();
    expect(calls).toEqual(['true', 'false']);
  });

  it('lists every rejected row and does not offer to import', async () => {
    const calls: (string | null)[] = [];
    server.use(
      ...sessionHandlers(),
      importHandler(calls, {
        '3': { due_date: ['Not a valid date.'] },
        '5': { priority: ['Must be between 1 and 4.'], title: ['Missing data.'] },
      }),
    );
    const { user } = renderApp('/settings');

    await user.upload(
      await screen.findByLabelText('File to import'),
      new File([CSV], 'tasks.csv', { type: 'text/csv' }),
    );

    const rows = await screen.findByRole('list', { name: 'Rejected rows' });
    expect(
      within(rows)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      'Line 3 — due_date: Not a valid date.',
      'Line 5 — priority: Must be between 1 and 4.; title: Missing data.',
    ]);
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(calls).toEqual(['true']);
  });
});
