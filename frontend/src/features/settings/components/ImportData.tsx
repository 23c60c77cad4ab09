import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useImportData } from '../api/import-data';
import { ImportReportView } from './ImportReportView';
import './data-transfer.css';

/** Bring tasks in from a JSON export of Tarefa or a CSV: choosing a file checks it (a dry
 * run), and the import itself is one click once no row is rejected. */
export function ImportData() {
  const { t } = useTranslation();
  const id = useId();
  const describeError = useErrorMessage();
  const check = useImportData();
  const run = useImportData();
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const report = run.data ?? check.data;
  const failure = check.error ?? run.error;
  // The server says what is wrong with the file itself ("The file is not valid JSON").
  const explain = (error: unknown) =>
    error instanceof ApiError && error.status === 422
      ? t('transfer.refused', { reason: error.message })
      : describeError(error);
  const canImport =
    file !== null && check.data !== undefined && Object.keys(check.data.rejected).length === 0;

  function choose(chosen: File | null) {
    setFile(chosen);
    run.reset();
    check.reset();
    if (chosen) check.mutate({ file: chosen, dryRun: true });
  }

  return (
    <section className="form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('transfer.importTitle')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('transfer.file')}
        </label>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('transfer.fileHint')}
        </p>
      </div>
      {check.isPending && <p role="status">{t('transfer.checking')}</p>}
      {report && <ImportReportView report={report} />}
      {failure && (
        <p className="form__error" role="alert">
          {explain(failure)}
        </p>
      )}
      {!run.data && (
        <div className="data-transfer__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!canImport || run.isPending}
            onClick={() => file && run.mutate({ file, dryRun: false })}
          >
            {t('transfer.import')}
          </button>
        </div>
      )}
    </section>
  );
}
