import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkRequest, Task } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { parseLabels } from '@/lib/labels';
import { organiseKeys } from '@/lib/query-keys';
import { bulkTasks, useBulkTasks } from '../api/bulk-tasks';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { useUndo } from '../hooks/use-undo';
import type { ProjectChoice } from './MoveToMenu';

type BulkBarProps = {
  selected: readonly Task[];
  projects: readonly ProjectChoice[];
  onDone: () => void;
};

const INBOX = 'inbox';

/** What can be done to every selected task at once; each action is all or nothing. */
export function BulkBar({ selected, projects, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const bulk = useBulkTasks();
  const { notify } = useUndo();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(organiseKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const { remove } = usePendingDeletes();
  const moveId = useId();
  const priorityId = useId();
  const labelId = useId();
  const [label, setLabel] = useState('');
  const ids = selected.map((task) => task.id);
  const count = ids.length;

  /** Awaited here, not in mutate callbacks: the bar unmounts once the tasks leave the view. */
  async function apply(
    body: Omit<BulkRequest, 'ids'>,
    message: string,
    undo?: Omit<BulkRequest, 'ids'>,
  ) {
    try {
      await bulk.mutateAsync({ ids, ...body } as BulkRequest);
    } catch {
      return; // bulk.error says what went wrong, next to the actions
    }
    notify({
      message,
      undo: undo ? () => bulkTasks({ ids, ...undo } as BulkRequest).then(refresh) : undefined,
    });
    onDone();
  }

  return (
    <section className="bulk" aria-label={t('bulk.label')}>
      <p className="bulk__count" aria-live="polite">
        {t('bulk.selected', { count })}
      </p>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={bulk.isPending}
        onClick={() =>
          void apply({ action: 'complete' }, t('bulk.completed', { count }), { action: 'reopen' })
        }
      >
        {t('bulk.complete')}
      </button>
      <div className="bulk__field">
        <label htmlFor={moveId}>{t('bulk.moveTo')}</label>
        <select
          id={moveId}
          className="select"
          value=""
          disabled={bulk.isPending}
          onChange={(event) => {
            const value = event.target.value;
            const projectId = value === INBOX ? null : Number(value);
            const target =
              projectId === null
                ? t('views.inbox')
                : (projects.find((project) => project.id === projectId)?.name ?? '');
            void apply(
              { action: 'move', project_id: projectId },
              t('bulk.moved', { count, target }),
            );
          }}
        >
          <option value="" disabled>
            {t('bulk.choose')}
          </option>
          <option value={INBOX}>{t('views.inbox')}</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </div>
      <div className="bulk__field">
        <label htmlFor={priorityId}>{t('priority.label')}</label>
        <select
          id={priorityId}
          className="select"
          value=""
          disabled={bulk.isPending}
          onChange={(event) =>
            void apply(
              { action: 'set_priority', priority: Number(event.target.value) },
              t('bulk.prioritySet', { count }),
            )
          }
        >
          <option value="" disabled>
            {t('bulk.choose')}
          </option>
          {[1, 2, 3, 4].map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.p${priority as 1 | 2 | 3 | 4}`)}
            </option>
          ))}
        </select>
      </div>
      <form
        className="bulk__field"
        onSubmit={(event) => {
          event.preventDefault();
          const [name] = parseLabels(label);
          if (!name) return;
          void apply(
            { action: 'add_label', label: name },
            t('bulk.labelled', { count, label: name }),
            {
              action: 'remove_label',
              label: name,
            },
          );
          setLabel('');
        }}
      >
        <label htmlFor={labelId}>{t('bulk.addLabel')}</label>
        <input
          id={labelId}
          className="input"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={bulk.isPending}>
          {t('bulk.apply')}
        </button>
      </form>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={() => {
          selected.forEach((task) => remove(task));
          onDone();
        }}
      >
        {t('bulk.delete')}
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        {t('bulk.clear')}
      </button>
      {bulk.error && (
        <p className="form__error" role="alert">
          {t('bulk.failed')} {describeError(bulk.error)}
        </p>
      )}
    </section>
  );
}
