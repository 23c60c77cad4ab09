import { useEffect, useRef, type RefObject } from 'react';
import { useHistoryState } from '@/lib/router';

/** Every keyboard shortcut, in the order the help dialog lists them. */
export const SHORTCUTS = [
  { action: 'quickAdd', keys: ['q'] },
  { action: 'search', keys: ['/'] },
  { action: 'next', keys: ['j'] },
  { action: 'previous', keys: ['k'] },
  { action: 'complete', keys: ['x'] },
  { action: 'edit', keys: ['e'] },
  { action: 'moveToProject', keys: ['#'] },
  { action: 'priority', keys: ['1', '2', '3', '4'] },
  { action: 'moveUp', keys: ['Alt', '↑'] },
  { action: 'moveDown', keys: ['Alt', '↓'] },
  { action: 'delete', keys: ['Delete'] },
  { action: 'help', keys: ['?'] },
] as const;

export type ShortcutAction =
  | Exclude<(typeof SHORTCUTS)[number]['action'], 'priority'>
  | 'priority1'
  | 'priority2'
  | 'priority3'
  | 'priority4';

type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>;

const SINGLE_KEYS: Record<string, ShortcutAction> = {
  q: 'quickAdd',
  '/': 'search',
  j: 'next',
  k: 'previous',
  x: 'complete',
  e: 'edit',
  '#': 'moveToProject',
  '1': 'priority1',
  '2': 'priority2',
  '3': 'priority3',
  '4': 'priority4',
  Delete: 'delete',
  '?': 'help',
};

/** Typing in a field, a menu or a dialog's form must never trigger a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** The action a key press asks for, or null when it is not a shortcut here. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || isTyping(event.target)) return null;
  if (event.altKey) {
    if (event.key === 'ArrowUp') return 'moveUp';
    if (event.key === 'ArrowDown') return 'moveDown';
    return null;
  }
  return SINGLE_KEYS[event.key] ?? null;
}

export type ShortcutHandlers = Partial<Record<ShortcutAction, (event: KeyboardEvent) => void>>;

/** Listens on the document while mounted; a handled key does not also reach the browser. */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      const handler = action && latest.current[action];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** Fields that `q` and `/` focus; a page that has them gives them these ids. */
export const QUICK_ADD_INPUT_ID = 'quick-add-title';
export const SEARCH_INPUT_ID = 'task-search';

/** Focuses `ref` on mount when the navigation that opened the page asked for field `id`. */
export function useFocusRequest(id: string, ref: RefObject<HTMLElement | null>): void {
  const wanted = useHistoryState<{ focus?: string } | null>()?.focus === id;
  useEffect(() => {
    if (wanted) ref.current?.focus();
  }, [wanted, ref]);
}
