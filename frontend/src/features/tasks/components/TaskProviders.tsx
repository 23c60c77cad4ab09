import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PendingDeletesProvider } from '../hooks/use-pending-deletes';
import { UndoProvider } from '../hooks/use-undo';
import { UndoToasts } from './UndoToasts';

/** Undo for deletes and for every other change, with the toasts that offer it. */
export function TaskProviders({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PendingDeletesProvider>
      <UndoProvider failedMessage={t('organise.undoFailed')}>
        {children}
        <UndoToasts />
      </UndoProvider>
    </PendingDeletesProvider>
  );
}
