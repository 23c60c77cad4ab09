import { useTranslation } from 'react-i18next';
import type { DayPlan } from '../api/plan-today';
import './planner.css';

type DayPlanPreviewProps = {
  plan: DayPlan;
  isKept: (id: number) => boolean;
  onToggle: (id: number) => void;
};

/** The proposed tasks in order, each with its minutes and why it was chosen; each can be dropped. */
export function DayPlanPreview({ plan, isKept, onToggle }: DayPlanPreviewProps) {
  const { t } = useTranslation();
  if (plan.tasks.length === 0) {
    return <p className="notice">{t('planner.day.nothingFits')}</p>;
  }
  return (
    <section aria-labelledby="day-plan-title">
      <h3 id="day-plan-title">{t('planner.day.previewTitle')}</h3>
      <p className="muted">
        {t('planner.day.summary', {
          planned: plan.planned_minutes,
          available: plan.available_minutes,
        })}
        {plan.left_out > 0 && ` ${t('planner.day.leftOut', { count: plan.left_out })}`}
      </p>
      <ol className="plan">
        {plan.tasks.map((item) => (
          <li
            key={item.task.id}
            className={isKept(item.task.id) ? 'plan__item' : 'plan__item plan__item--skipped'}
          >
            <input
              type="checkbox"
              checked={isKept(item.task.id)}
              aria-label={t('planner.day.keep', { title: item.task.title })}
              onChange={() => onToggle(item.task.id)}
            />
            <span className="plan__title">{item.task.title}</span>
            <span className="plan__unit">
              {item.estimated
                ? t('planner.day.minutesEstimated', { count: item.minutes })
                : t('planner.day.minutes', { count: item.minutes })}
            </span>
            <span className="muted">{item.reason}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
