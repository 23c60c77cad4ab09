import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import { limits } from '@/lib/api/limits';
import type { Granularity } from '@/lib/api/types';
import { useFieldErrorText, useForm } from '@/lib/form';
import { checkGoal, GOAL_MAX_LENGTH } from '@/lib/validation';

export const MAX_TASKS_LIMIT = limits.GenerateIn.max_tasks.maximum;
const DEFAULT_MAX_TASKS = 7;
const GRANULARITIES: Granularity[] = ['coarse', 'normal', 'fine'];

export type PlanRequest = { goal: string; maxTasks: number; granularity: Granularity };

type PlanFormProps = { disabled: boolean; onSubmit: (request: PlanRequest) => void };
type PlanFields = { goal: string; maxTasks: string; granularity: Granularity };

export function PlanForm({ disabled, onSubmit }: PlanFormProps) {
  const { t } = useTranslation();
  const granularityId = useId();
  const errorText = useFieldErrorText();
  const { register, handleSubmit, errors } = useForm<PlanFields>({
    defaultValues: { goal: '', maxTasks: String(DEFAULT_MAX_TASKS), granularity: 'normal' },
  });

  const submit = handleSubmit(({ goal, maxTasks, granularity }) => {
    const count = Math.round(Number(maxTasks)) || DEFAULT_MAX_TASKS;
    onSubmit({
      goal: goal.trim(),
      maxTasks: Math.min(MAX_TASKS_LIMIT, Math.max(1, count)),
      granularity,
    });
  });

  const labels: Record<Granularity, string> = {
    coarse: t('planner.granularityCoarse'),
    normal: t('planner.granularityNormal'),
    fine: t('planner.granularityFine'),
  };
  return (
    <form
      className="form form--wide"
      onSubmit={submit}
      noValidate
      aria-label={t('planner.formLabel')}
    >
      <TextArea
        label={t('planner.goal')}
        placeholder={t('planner.goalPlaceholder')}
        rows={3}
        maxLength={GOAL_MAX_LENGTH}
        {...register('goal', checkGoal)}
        errors={errorText(errors.goal)}
      />
      <div className="form__grid">
        <TextField
          label={t('planner.maxTasks')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TASKS_LIMIT}
          className="field--short"
          {...register('maxTasks')}
        />
        <div className="field">
          <label className="field__label" htmlFor={granularityId}>
            {t('planner.granularity')}
          </label>
          <select id={granularityId} className="select" {...register('granularity')}>
            {GRANULARITIES.map((value) => (
              <option key={value} value={value}>
                {labels[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button button--primary" disabled={disabled}>
        {t('planner.generate')}
      </button>
    </form>
  );
}
