import type { TFunction } from 'i18next';
import type { LiteralKind, ParsedLine } from '../api/parse-line';

export interface Chip {
  id: string;
  label: string;
  /** What removing the chip leaves as words in the title. */
  kinds: LiteralKind[];
}

function formatDate(isoDate: string, language: string): string {
  // Noon UTC of that day, shown in UTC: the calendar date, whatever the browser's zone.
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** The chips for what the server recognised, in a stable order. */
export function chipsFor(parsed: ParsedLine, t: TFunction, language: string): Chip[] {
  const chips: Chip[] = [];
  if (parsed.due_date || parsed.due_time) {
    const parts = [
      parsed.due_date ? formatDate(parsed.due_date, language) : null,
      parsed.due_time,
    ].filter(Boolean);
    chips.push({ id: 'due', label: parts.join(' '), kinds: ['due_date', 'due_time'] });
  }
  if (parsed.recurrence_text) {
    chips.push({ id: 'recurrence', label: parsed.recurrence_text, kinds: ['recurrence'] });
  }
  if (parsed.project) {
    chips.push({ id: 'project', label: `#${parsed.project}`, kinds: ['project'] });
  }
  if (parsed.labels.length > 0) {
    const label = parsed.labels.map((name) => `@${name}`).join(' ');
    chips.push({ id: 'labels', label, kinds: ['labels'] });
  }
  if (parsed.priority) {
    const label = t('quickAdd.priority', { priority: parsed.priority });
    chips.push({ id: 'priority', label, kinds: ['priority'] });
  }
  if (parsed.reminder) {
    const label = t('quickAdd.reminder', { minutes: parsed.reminder.before_minutes });
    chips.push({ id: 'reminder', label, kinds: ['reminder'] });
  }
  return chips;
}
