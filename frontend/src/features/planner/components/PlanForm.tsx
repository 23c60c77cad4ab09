import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import type { Granularity } from '@/lib/api/types';
import { GOAL_MIN_LENGTH } from '@/lib/validation';

export const MAX_TASKS_LIMIT = 15;
const DEFAULT_MAX_TASKS = 7;
const GRANULARITIES: Granularity[] = ['coarse', 'normal', 'fine'];

export type PlanRequest = { goal: string; maxTasks: number; granularity: Granularity };

type PlanFormProps = { disabled: boolean; onSubmit: (request: PlanRequest) => void };

export function PlanForm({ disabled, onSubmit }: PlanFormProps) {
  const { t } = useTranslation();
  const granularityId = useId();
  const [goal, setGoal] = useState('');
  const [maxTasks, setMaxTasks] = useState(String(DEFAULT_MAX_TASKS));
  const [granularity, setGranularity] = useState<Granularity>('normal');
  const [goalProblem, setGoalProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = goal.trim();
    const problem =
      trimmed === ''
        ? t('validation.required')
        : trimmed.length < GOAL_MIN_LENGTH
          ? t('planner.goalTooShort', { count: GOAL_MIN_LENGTH })
          : null;
    setGoalProblem(problem);
    if (problem) return;
    const count = Math.round(Number(maxTasks)) || DEFAULT_MAX_TASKS;
    onSubmit({
      goal: trimmed,
      maxTasks: Math.min(MAX_TASKS_LIMIT, Math.max(1, count)),
      granularity,
    });
  }

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
        value={goal}
        rows={3}
        maxLength={500}
        onChange={(event) => setGoal(event.target.value)}
        errors={goalProblem ? [goalProblem] : []}
      />
      <div className="form__grid">
        <TextField
          label={t('planner.maxTasks')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TASKS_LIMIT}
          value={maxTasks}
          className="field--short"
          onChange={(event) => setMaxTasks(event.target.value)}
        />
        <div className="field">
          <label className="field__label" htmlFor={granularityId}>
            {t('planner.granularity')}
          </label>
          <select
            id={granularityId}
            className="select"
            value={granularity}
            onChange={(event) => setGranularity(event.target.value as Granularity)}
          >
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
