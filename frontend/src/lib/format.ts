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
