import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@/lib/api/types';
import { addDays, formatDayHeading, todayIso } from '@/lib/format';

/** Sorts before every date, so overdue tasks come first under one heading. */
const OVERDUE = '0000-00-00';

type DayGroupsProps = { tasks: readonly Task[]; renderTask: (task: Task) => ReactNode };

/** Upcoming, one heading per day, in date order. */
export function DayGroups({ tasks, renderTask }: DayGroupsProps) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const days = new Map<string, Task[]>();
  for (const task of tasks) {
    const due = task.due_date ?? today;
    const day = due < today ? OVERDUE : due;
    days.set(day, [...(days.get(day) ?? []), task]);
  }
  const heading = (day: string) => {
    if (day === OVERDUE) return t('due.overdue');
    if (day === today) return t('due.today');
    if (day === addDays(today, 1)) return t('due.tomorrow');
    return formatDayHeading(day, i18n.language);
  };
  return (
    <>
      {[...days.keys()].sort().map((day) => (
        <section key={day} className="day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`} className="day__title">
            {heading(day)}
          </h2>
          <ul className="task-list" aria-labelledby={`day-${day}`}>
            {(days.get(day) ?? []).map(renderTask)}
          </ul>
        </section>
      ))}
    </>
  );
}
