import { useTranslation } from 'react-i18next';
import { dueState, dueWords, formatDay, formatTime } from '@/lib/format';

type DueBadgeProps = { dueDate: string | null; dueTime?: string | null; done: boolean };

/**
 * The due date in words ("Today", "Fri", "Overdue 3 days"), and its time when it has one
 * ("Today 2:30 PM", "Hoje 14:30"); overdue and due-today tasks stand
 * out in words and colour, not colour alone. The full date is in the tooltip and `datetime`.
 */
export function DueBadge({ dueDate, dueTime = null, done }: DueBadgeProps) {
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
  const time = dueTime ? ` ${formatTime(dueTime, i18n.language)}` : '';
  return (
    <span className={`badge badge--${state}`}>
      <time
        dateTime={dueTime ? `${dueDate}T${dueTime}` : dueDate}
        title={formatDay(dueDate, i18n.language) + time}
      >
        {text + time}
      </time>
    </span>
  );
}
