import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '@/i18n';
import { addDays, todayIso } from '@/lib/format';
import { DueBadge } from './DueBadge';
import { PriorityFlag } from './PriorityFlag';

const day = (offset: number) => addDays(todayIso(), offset);

describe('due dates in words', () => {
  afterEach(async () => {
    await changeLanguage('en');
  });

  it.each([
    [0, 'Today'],
    [1, 'Tomorrow'],
    [-1, 'Overdue 1 day'],
    [-3, 'Overdue 3 days'],
  ])('in English, %i days away reads "%s"', (offset, text) => {
    render(<DueBadge dueDate={day(offset)} done={false} />);
    expect(screen.getByText(text)).toHaveAttribute('datetime', day(offset));
  });

  it.each([
    [0, 'Hoje'],
    [1, 'Amanhã'],
    [-1, 'Atrasada há 1 dia'],
    [-3, 'Atrasada há 3 dias'],
  ])('in Portuguese, %i days away reads "%s"', async (offset, text) => {
    await changeLanguage('pt-BR');
    render(<DueBadge dueDate={day(offset)} done={false} />);
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('never calls a done task overdue', () => {
    render(<DueBadge dueDate={day(-1)} done />);
    expect(screen.getByText('Yesterday')).toBeInTheDocument();
  });
});

describe('priority flag', () => {
  it('says the priority in words for screen readers, and shows nothing for none', () => {
    const { container, rerender } = render(<PriorityFlag priority={1} />);
    expect(screen.getByText('Priority 1 (highest)')).toHaveClass('visually-hidden');
    expect(container).toHaveTextContent('⚑ P1');
    rerender(<PriorityFlag priority={4} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('due times', () => {
  afterEach(async () => {
    await changeLanguage('en');
  });

  it('follow the date in each language’s own clock', async () => {
    const { unmount } = render(<DueBadge dueDate={day(0)} dueTime="14:30" done={false} />);
    expect(screen.getByText('Today 2:30 PM')).toHaveAttribute('datetime', `${day(0)}T14:30`);
    unmount();

    await changeLanguage('pt-BR');
    render(<DueBadge dueDate={day(1)} dueTime="09:05" done={false} />);
    expect(screen.getByText('Amanhã 09:05')).toBeInTheDocument();
  });
});
