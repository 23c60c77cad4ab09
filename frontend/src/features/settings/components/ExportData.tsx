import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useExportData, type ExportFormat } from '../api/export-data';
import './data-transfer.css';

const FORMATS: ExportFormat[] = ['json', 'csv'];

/** "Download my data": every project, label and task, as JSON (complete) or CSV (a sheet). */
export function ExportData() {
  const { t } = useTranslation();
  const id = useId();
  const describeError = useErrorMessage();
  const download = useExportData();
  return (
    <section className="form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('transfer.exportTitle')}</h2>
      <p className="muted">{t('transfer.exportHint')}</p>
      <div className="data-transfer__actions">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={download.isPending}
            onClick={() => download.mutate(format)}
          >
            {t(`transfer.download_${format}`)}
          </button>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {download.isPending ? t('transfer.preparing') : ''}
      </p>
      {download.error && (
        <p className="form__error" role="alert">
          {describeError(download.error)}
        </p>
      )}
    </section>
  );
}
