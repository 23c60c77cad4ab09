import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { apiErrorFromResponse } from '@/lib/api/errors';

export type ExportFormat = 'json' | 'csv';

/** The server's file name ("tarefa-20261201.json"), or a plain one when it gives none. */
function fileName(response: Response, format: ExportFormat): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `tarefa.${format}`;
}

/** Everything of yours as a file. Fetched through the API client (a plain link would carry
 * no access token), then handed to the browser as a download. */
export async function exportData(format: ExportFormat) {
  const { data, error, response } = await api.GET('/api/export', {
    params: { query: { format } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw apiErrorFromResponse(response, error);
  return { blob: data, name: fileName(response, format) };
}

/** Saves a file the page already holds, as if the person had clicked a download link. */
export function saveFile(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click's task, so every browser has started reading it.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

export function useExportData() {
  return useMutation({
    mutationFn: exportData,
    onSuccess: ({ blob, name }) => saveFile(blob, name),
  });
}
