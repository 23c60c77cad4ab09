/** Dates in the person's chosen language; due dates are calendar days with no time zone. */
function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const date = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${date}`;
}

export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(parseDay(day));
}

export function formatDateTime(timestamp: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(timestamp),
  );
}

/** A local time of day (`HH:MM`, as the API sends due times): "2:30 PM", "14:30". */
export function formatTime(time: string, language: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(
    new Date(1970, 0, 1, hours ?? 0, minutes ?? 0),
  );
}

export type DueState = 'overdue' | 'today' | 'upcoming' | 'none';

export function dueState(
  dueDate: string | null,
  done: boolean,
  today: string = todayIso(),
): DueState {
  if (!dueDate || done) return 'none';
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  return 'upcoming';
}

export function formatMinutes(minutes: number, language: string): string {
  const style = { style: 'unit', unitDisplay: 'narrow' } as const;
  if (minutes < 60)
    return new Intl.NumberFormat(language, { ...style, unit: 'minute' }).format(minutes);
  const hours = Math.round((minutes / 60) * 10) / 10;
  return new Intl.NumberFormat(language, { ...style, unit: 'hour' }).format(hours);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

/** Past this many days late, "Overdue since <date>" says more than a count of days. */
export const OVERDUE_DAYS_IN_WORDS = 30;

export type DueWords =
  | { kind: 'today' | 'tomorrow' | 'yesterday' }
  | { kind: 'overdueDays'; days: number }
  | { kind: 'overdueSince' | 'weekday' | 'date'; date: string };

/**
 * A due date as a person says it: "Today", "Tomorrow", a weekday within the week ahead,
 * "Overdue 3 days" while it is recent, a date otherwise. Done tasks are never overdue.
 */
export function dueWords(
  dueDate: string,
  done: boolean,
  language: string,
  today: string = todayIso(),
): DueWords {
  const days = daysBetween(today, dueDate);
  const day = parseDay(dueDate);
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  if (days < 0 && done) {
    return days === -1 ? { kind: 'yesterday' } : { kind: 'date', date: shortDate(day, language) };
  }
  if (days < 0 && -days <= OVERDUE_DAYS_IN_WORDS) return { kind: 'overdueDays', days: -days };
  if (days < 0) return { kind: 'overdueSince', date: formatDay(dueDate, language) };
  if (days < 7) {
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' }).format(day);
    return { kind: 'weekday', date: weekday };
  }
  return { kind: 'date', date: shortDate(day, language, today) };
}

function shortDate(day: Date, language: string, today: string = todayIso()): string {
  const sameYear = String(day.getFullYear()) === today.slice(0, 4);
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { day: 'numeric', month: 'short' }
    : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(language, options).format(day);
}

/** Heading of one day in Upcoming: "Today", "Tomorrow", then "Friday, Dec 4". */
export function formatDayHeading(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
  }).format(parseDay(day));
}

/** The calendar day `offset` days after `day`. */
export function addDays(day: string, offset: number): string {
  const date = parseDay(day);
  date.setDate(date.getDate() + offset);
  return todayIso(date);
}
