import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '@/lib/shortcuts';

type ShortcutHelpProps = { open: boolean; onClose: () => void };

/** The `?` dialog: every shortcut and what it does. A native modal dialog traps focus for us. */
export function ShortcutHelp({ open, onClose }: ShortcutHelpProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="shortcut-help-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && (shortcut.action === 'priority' ? ' ' : ' + ')}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.actions.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
