import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { isTyping, shortcutFor, useShortcuts, type ShortcutHandlers } from './shortcuts';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: document.body,
  ...extra,
});

describe('shortcutFor', () => {
  it.each([
    ['q', 'quickAdd'],
    ['/', 'search'],
    ['j', 'next'],
    ['k', 'previous'],
    ['x', 'complete'],
    ['e', 'edit'],
    ['#', 'moveToProject'],
    ['1', 'priority1'],
    ['4', 'priority4'],
    ['Delete', 'delete'],
    ['?', 'help'],
    ['a', null],
    ['5', null],
    ['Backspace', null],
  ])('%s → %s', (key, action) => {
    expect(shortcutFor(press(key))).toBe(action);
  });

  it('reads Alt with the arrows as moves, and nothing else with modifiers', () => {
    expect(shortcutFor(press('ArrowUp', { altKey: true }))).toBe('moveUp');
    expect(shortcutFor(press('ArrowDown', { altKey: true }))).toBe('moveDown');
    expect(shortcutFor(press('ArrowDown'))).toBeNull();
    expect(shortcutFor(press('x', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('q', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('k', { metaKey: true }))).toBeNull();
  });

  it('stays out of the way while the person types', () => {
    const text = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const area = document.createElement('textarea');
    const select = document.createElement('select');
    expect(isTyping(text)).toBe(true);
    expect(isTyping(area)).toBe(true);
    expect(isTyping(select)).toBe(true);
    expect(isTyping(checkbox)).toBe(false);
    expect(isTyping(document.createElement('button'))).toBe(false);
    expect(shortcutFor(press('x', { target: text }))).toBeNull();
    expect(shortcutFor(press('x', { target: checkbox }))).toBe('complete');
  });
});

function Probe({ handlers }: { handlers: ShortcutHandlers }) {
  useShortcuts(handlers);
  return <input aria-label="field" />;
}

describe('useShortcuts', () => {
  it('calls the handler once and keeps the key from the browser', () => {
    const complete = vi.fn();
    const { getByLabelText, unmount } = render(<Probe handlers={{ complete }} />);
    const notCancelled = fireEvent.keyDown(document.body, { key: 'x' });
    expect(complete).toHaveBeenCalledTimes(1);
    expect(notCancelled).toBe(false);
    fireEvent.keyDown(getByLabelText('field'), { key: 'x' });
    expect(fireEvent.keyDown(document.body, { key: 'j' })).toBe(true);
    expect(complete).toHaveBeenCalledTimes(1);
    unmount();
    fireEvent.keyDown(document.body, { key: 'x' });
    expect(complete).toHaveBeenCalledTimes(1);
  });
});
