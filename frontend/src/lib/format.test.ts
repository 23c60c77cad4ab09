import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueState, dueWords, formatDay, todayIso } from './format';

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

describe('dueWords', () => {
  const today = '2026-12-01'; // a Tuesday
  it.each([
    ['2026-12-01', false, 'en', { kind: 'today' }],
    ['2026-12-02', false, 'en', { kind: 'tomorrow' }],
    ['2026-12-04', false, 'en', { kind: 'weekday', date: 'Fri' }],
    ['2026-12-04', false, 'pt-BR', { kind: 'weekday', date: 'sex.' }],
    ['2026-12-07', false, 'en', { kind: 'weekday', date: 'Mon' }],
    ['2026-12-08', false, 'en', { kind: 'date', date: 'Dec 8' }],
    ['2026-12-08', false, 'pt-BR', { kind: 'date', date: '8 de dez.' }],
    ['2027-01-15', false, 'en', { kind: 'date', date: 'Jan 15, 2027' }],
    ['2026-11-30', false, 'en', { kind: 'overdueDays', days: 1 }],
    ['2026-11-28', false, 'en', { kind: 'overdueDays', days: 3 }],
    ['2026-11-01', false, 'en', { kind: 'overdueDays', days: 30 }],
    ['2026-10-31', false, 'en', { kind: 'overdueSince', date: 'Oct 31, 2026' }],
    ['2026-11-30', true, 'en', { kind: 'yesterday' }],
    ['2026-11-28', true, 'en', { kind: 'date', date: 'Nov 28' }],
  ] as const)('%s done=%s in %s', (due, done, language, expected) => {
    expect(dueWords(due, done, language, today)).toEqual(expected);
  });

  it('counts calendar days across a daylight-saving change and a year end', () => {
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-12-01', '2026-11-28')).toBe(-3);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
