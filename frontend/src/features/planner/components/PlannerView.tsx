import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { currentLanguage } from '@/i18n';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useAcceptPlan } from '../api/accept-plan';
import { useGeneratePlan } from '../api/generate-plan';
import { usePlanDraft } from '../hooks/use-plan-draft';
import { PlanForm, type PlanRequest } from './PlanForm';
import { PlanPreview } from './PlanPreview';
import { PlanRequestStatus } from './PlanRequestStatus';

/** Goal → proposal (dry run) → review → accept. */
export function PlannerView() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const generate = useGeneratePlan();
  const accept = useAcceptPlan();
  const { draft, load, change, clear, toCreate, hasBlankTitle } = usePlanDraft();
  const lastRequest = useRef<PlanRequest | null>(null);
  const controller = useRef<AbortController | null>(null);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const { mutate: runGenerate, reset: resetGenerate } = generate;
  const request = useCallback(
    (input: PlanRequest) => {
      lastRequest.current = input;
      controller.current?.abort();
      controller.current = new AbortController();
      setSavedCount(null);
      clear();
      runGenerate(
        { ...input, language: currentLanguage(), signal: controller.current.signal },
        { onSuccess: load },
      );
    },
    [runGenerate, clear, load],
  );

  function cancel() {
    controller.current?.abort();
    resetGenerate();
  }

  function save() {
    const savedBefore = draft.filter((task) => task.saved).length;
    accept.mutate(
      { tasks: toCreate, onSaved: (key) => change(key, { saved: true }) },
      {
        onSuccess: (saved) => {
          setSavedCount(savedBefore + saved.length);
          clear();
          resetGenerate();
        },
      },
    );
  }

  return (
    <>
      <PlanForm disabled={generate.isPending} onSubmit={request} />
      <PlanRequestStatus
        isPending={generate.isPending}
        error={generate.error}
        onCancel={cancel}
        onRetry={() => lastRequest.current && request(lastRequest.current)}
      />
      {savedCount !== null && (
        <p className="notice notice--success" role="status">
          {t('planner.saved', { count: savedCount })}{' '}
          <Link to={paths.app.tasks.getHref()}>{t('planner.seeTasks')}</Link>
        </p>
      )}
      {generate.data && draft.length > 0 && (
        <>
          <PlanPreview draft={draft} source={generate.data} onChange={change} />
          {accept.error && (
            <p className="form__error" role="alert">
              {describeError(accept.error)}
            </p>
          )}
          <div className="plan__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={toCreate.length === 0 || hasBlankTitle || accept.isPending}
              onClick={save}
            >
              {t('planner.accept', { count: toCreate.length })}
            </button>
            <button type="button" className="button" onClick={clear} disabled={accept.isPending}>
              {t('planner.discard')}
            </button>
          </div>
        </>
      )}
      {generate.isSuccess && generate.data.tasks.length === 0 && (
        <p className="notice">{t('planner.noTasks')}</p>
      )}
    </>
  );
}
