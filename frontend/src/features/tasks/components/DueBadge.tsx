import { useTranslation } from 'react-i18next';
import { dueState, dueWords, formatDay } from '@/lib/format';

type DueBadgeProps = { dueDate: string | null; done: boolean };

/**
 * The due date in words ("Today", "Fri", "Overdue 3 days"); overdue and due-today tasks stand
 * out in words and colour, not colour alone. The full date is in the tooltip and `datetime`.
 */
export function DueBadge({ dueDate, done }: DueBadgeProps) {
  const { t, i18n } = useTranslation();
  if (!dueDate) return null;
  const state = dueState(dueDate, done);
  const words = dueWords(dueDate, done, i18n.language);
  const text =
    words.kind === 'overdueDays'
      ? t('due.overdueDays', { count: words.days })
      : words.kind === 'overdueSince'
        ? t('tasks.overdue', { date: words.date })
        : words.kind === 'weekday' || words.kind === 'date'
          ? words.date
          : t(`due.${words.kind}`);
  return (
    <span className={`badge badge--${state}`}>
      <time dateTime={dueDate} title={formatDay(dueDate, i18n.language)}>
        {text}
      </time>
    </span>
  );
}
