import { useTranslation } from 'react-i18next';
import { dueState, formatDay } from '@/lib/format';

type DueBadgeProps = { dueDate: string | null; done: boolean };

/** Overdue and due-today tasks stand out in words and colour, not colour alone. */
export function DueBadge({ dueDate, done }: DueBadgeProps) {
  const { t, i18n } = useTranslation();
  if (!dueDate) return null;
  const state = dueState(dueDate, done);
  const day = formatDay(dueDate, i18n.language);
  const text =
    state === 'overdue'
      ? t('tasks.overdue', { date: day })
      : state === 'today'
        ? t('tasks.dueToday')
        : t('tasks.dueOn', { date: day });
  return (
    <span className={`badge badge--${state}`}>
      <time dateTime={dueDate}>{text}</time>
    </span>
  );
}
