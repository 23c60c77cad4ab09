import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { ApiError } from '@/lib/api/errors';
import { limits } from '@/lib/api/limits';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useAcceptDayPlan } from '../api/accept-day-plan';
import { usePlanToday } from '../api/plan-today';
import { useDayChoices } from '../hooks/use-day-choices';
import { DayPlanPreview } from './DayPlanPreview';

const DEFAULT_MINUTES = 120;
const MAX_MINUTES = limits.PlanTodayIn.available_minutes.maximum;

/**
 * "Plan my day": ask how much time there is, preview the tasks that fit (with why), let the
 * person drop any, and give the kept ones today's date. Self-contained, for the Today view.
 */
export function PlanMyDay() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const propose = usePlanToday();
  const accept = useAcceptDayPlan();
  const choices = useDayChoices();
  const [minutes, setMinutes] = useState(String(DEFAULT_MINUTES));
  const available = Math.round(Number(minutes));
  const validMinutes = Number.isInteger(available) && available >= 1 && available <= MAX_MINUTES;

  function requestPlan(event: FormEvent) {
    event.preventDefault();
    if (!validMinutes) return;
    choices.reset();
    accept.reset();
    propose.mutate({ availableMinutes: available, language: currentLanguage() });
  }

  const plan = propose.data;
  const keptIds = plan ? choices.kept(plan.tasks.map((item) => item.task.id)) : [];

  function acceptPlan() {
    accept.mutate(keptIds, { onSuccess: () => propose.reset() });
  }

  return (
    <section className="card" aria-labelledby="plan-my-day-title">
      <h2 id="plan-my-day-title">{t('planner.day.title')}</h2>
      <form className="form form--inline" onSubmit={requestPlan} noValidate>
        <label htmlFor="plan-my-day-minutes">{t('planner.day.available')}</label>
        <input
          id="plan-my-day-minutes"
          className="input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          value={minutes}
          aria-invalid={validMinutes ? undefined : true}
          aria-describedby={validMinutes ? undefined : 'plan-my-day-minutes-error'}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={propose.isPending}>
          {t('planner.day.button')}
        </button>
      </form>
      {!validMinutes && (
        <p id="plan-my-day-minutes-error" className="form__error">
          {t('planner.day.minutesInvalid', { max: MAX_MINUTES })}
        </p>
      )}
      {propose.isPending && <p role="status">{t('planner.day.thinking')}</p>}
      {propose.error && (
        <p className="form__error" role="alert">
          {describeError(propose.error)}
        </p>
      )}
      {accept.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('planner.day.accepted', { count: accept.data.tasks.length })}
        </p>
      )}
      {plan && (
        <>
          <DayPlanPreview plan={plan} isKept={choices.isKept} onToggle={choices.toggle} />
          <p className="muted">{t('planner.day.source')}</p>
          {accept.error && (
            <p className="form__error" role="alert">
              {accept.error instanceof ApiError && accept.error.status === 404
                ? t('planner.day.acceptGone')
                : describeError(accept.error)}
            </p>
          )}
          {plan.tasks.length > 0 && (
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={keptIds.length === 0 || accept.isPending}
                onClick={acceptPlan}
              >
                {t('planner.day.accept', { count: keptIds.length })}
              </button>
              <button type="button" className="button" onClick={() => propose.reset()}>
                {t('planner.discard')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
