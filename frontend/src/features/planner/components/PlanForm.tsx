import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';

export const MAX_TASKS_LIMIT = 15;
const DEFAULT_MAX_TASKS = 7;

type PlanFormProps = {
  disabled: boolean;
  onSubmit: (request: { goal: string; maxTasks: number }) => void;
};

export function PlanForm({ disabled, onSubmit }: PlanFormProps) {
  const { t } = useTranslation();
  const [goal, setGoal] = useState('');
  const [maxTasks, setMaxTasks] = useState(String(DEFAULT_MAX_TASKS));
  const [goalMissing, setGoalMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setGoalMissing(goal.trim() === '');
    if (goal.trim() === '') return;
    const count = Math.min(
      MAX_TASKS_LIMIT,
      Math.max(1, Math.round(Number(maxTasks)) || DEFAULT_MAX_TASKS),
    );
    onSubmit({ goal: goal.trim(), maxTasks: count });
  }

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
        errors={goalMissing ? [t('validation.required')] : []}
      />
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
      <button type="submit" className="button button--primary" disabled={disabled}>
        {t('planner.generate')}
      </button>
    </form>
  );
}
