import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/Icon';
import type { Task } from '@/lib/api/types';
import { formatDateTime, formatMinutes } from '@/lib/format';

type Reminder = Task['reminders'][number];

/** How a task repeats ("Every Monday", "Toda segunda-feira", in the words the API gives in
 * the app's language) and whether it has reminders. */
export function TimeBadges({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const describe = (reminder: Reminder) =>
    reminder.before_minutes != null
      ? t('time.reminderBefore', { time: formatMinutes(reminder.before_minutes, i18n.language) })
      : t('time.reminderAt', { time: formatDateTime(reminder.remind_at ?? '', i18n.language) });
  const [first, ...more] = task.reminders;
  return (
    <>
      {task.recurrence_text && (
        <span className="badge badge--repeat">
          <span aria-hidden="true">↻ </span>
          {task.recurrence_text}
        </span>
      )}
      {first && (
        <span className="badge badge--reminder" title={task.reminders.map(describe).join('\n')}>
          <Icon name="alarm" size={12} /> {describe(first)}
          {more.length > 0 && ` ${t('time.moreReminders', { count: more.length })}`}
        </span>
      )}
    </>
  );
}
