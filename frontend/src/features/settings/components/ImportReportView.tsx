import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../api/import-data';

/** "Line 3" for a CSV row, the JSON path ("tasks.2.title") otherwise. */
function rowName(key: string, format: ImportReport['format'], line: (n: string) => string) {
  return format === 'csv' && /^\d+$/.test(key) ? line(key) : key;
}

function reasons(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(' ') : String(value)}`)
    .join('; ');
}

/** What an import created (or, for a dry run, would create) and every row it rejects. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts = {
    projects: report.created.projects,
    labels: report.created.labels,
    tasks: report.created.tasks,
  };
  const rejected = Object.entries(report.rejected);
  return (
    <div role="status" className="import-report">
      <p>{t(report.dry_run ? 'transfer.wouldCreate' : 'transfer.created', counts)}</p>
      {rejected.length > 0 && (
        <>
          <p>{t('transfer.rejected', { count: rejected.length })}</p>
          <ul aria-label={t('transfer.rejectedRows')}>
            {rejected.map(([key, fields]) => (
              <li key={key}>
                <strong>
                  {rowName(key, report.format, (line) => t('transfer.line', { line }))}
                </strong>
                {' — '}
                {reasons(fields)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
