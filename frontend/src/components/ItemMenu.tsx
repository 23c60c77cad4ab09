import { useEffect, useId, useRef, useState } from 'react';
import { useEscapeKey } from '@/lib/use-escape-key';

export type MenuAction = { label: string; onSelect: () => void; danger?: boolean };

type ItemMenuProps = {
  label: string;
  actions: MenuAction[];
  /** Extra attributes for the button, such as a data-action hook for a shortcut. */
  buttonProps?: Record<`data-${string}` | `aria-${string}`, string>;
};

/**
 * A "⋯" button that discloses a short list of actions. Escape or a click elsewhere closes it
 * and focus returns to the button.
 */
export function ItemMenu({ label, actions, buttonProps }: ItemMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    root.current?.querySelector<HTMLButtonElement>('.menu__item')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEscapeKey(root, close, { enabled: open, stopPropagation: true });

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--small button--icon"
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        {...buttonProps}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul className="menu__list" id={id}>
          {actions.map((action, index) => (
            <li key={index}>
              <button
                type="button"
                className={`menu__item${action.danger ? ' menu__item--danger' : ''}`}
                onClick={() => {
                  setOpen(false);
                  action.onSelect();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
