import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { organiseKeys } from '@/lib/query-keys';

export type ImportReport = components['schemas']['ImportReport'];

/** A JSON export of Tarefa or a CSV, all or nothing; ``dryRun`` saves nothing and reports
 * what would be created and every row that would be rejected. */
export function importData({ file, dryRun }: { file: File; dryRun: boolean }) {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/import', {
      params: { query: { dry_run: dryRun } },
      // The generated type says "string" for the upload; the client sends FormData as it is
      // (multipart, the browser sets the boundary).
      body: form as unknown as components['schemas']['ImportFile'],
    }),
  );
}

export function useImportData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importData,
    onSuccess: (report) => {
      if (report.dry_run) return;
      return Promise.all(
        organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
