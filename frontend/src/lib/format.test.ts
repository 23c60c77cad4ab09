import { describe, expect, it } from 'vitest';
import { dueState, formatDay, todayIso } from './format';

describe('dueState', () => {
  const today = '2026-11-21';
  it.each([
    [null, false, 'none'],
    ['2026-11-20', false, 'overdue'],
    ['2026-11-20', true, 'none'],
    ['2026-11-21', false, 'today'],
    ['2026-11-22', false, 'upcoming'],
  ] as const)('%s done=%s → %s', (due, done, expected) => {
    expect(dueState(due, done, today)).toBe(expected);
  });
});

describe('dates', () => {
  it('uses the local calendar day, not UTC', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('formats a due day in the chosen locale', () => {
    expect(formatDay('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDay('2026-03-05', 'pt-BR')).toBe('5 de mar. de 2026');
  });
});
