import { useDndMonitor } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { Spinner } from '@/components/Spinner';
import type { Task } from '@/lib/api/types';
import { dragData, taskDragId } from '@/lib/drag';
import { arrayMove, moveAnchor } from '@/lib/reorder';
import { useShortcuts } from '@/lib/shortcuts';
import { isOrdered, useViewTasks, VIEW_LIMIT, type TaskView } from '../api/get-view-tasks';
import { usePendingDeletes } from '../hooks/use-pending-deletes';
import { useTaskActions } from '../hooks/use-task-actions';
import { useTaskFocus } from '../hooks/use-task-focus';
import { BulkBar } from './BulkBar';
import { DayGroups } from './DayGroups';
import { MoveToMenu, type ProjectChoice } from './MoveToMenu';
import { QuickAddForm, type TaskDefaults } from './QuickAddForm';
import { SortableTaskItem } from './SortableTaskItem';
import { TaskProviders } from './TaskProviders';

export type ViewBoardProps = {
  view: TaskView;
  /** The person's active projects: names in mixed views, targets of "Move to…". */
  projects: readonly ProjectChoice[];
  defaults: TaskDefaults;
  empty: { title: string; hint: string };
};

/** Inbox, Today, Upcoming, a project or a label: capture, order, move and work through tasks. */
export function ViewBoard(props: ViewBoardProps) {
  return (
    <TaskProviders>
      <QuickAddForm defaults={props.defaults} />
      <ViewTasks {...props} />
    </TaskProviders>
  );
}

function ViewTasks({ view, projects, empty }: ViewBoardProps) {
  const { t } = useTranslation();
  const tasks = useViewTasks(view);
  const { pending, remove } = usePendingDeletes();
  const listRoot = useRef<HTMLDivElement>(null);
  const [order, setOrder] = useState<number[] | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const byProject = useMemo(() => new Map(projects.map((p) => [p.id, p])), [projects]);
  const projectName = (id: number | null) =>
    id === null ? t('views.inbox') : (byProject.get(id)?.name ?? '');
  const actions = useTaskActions(projectName);
  const focus = useTaskFocus(listRoot);

  const loaded = tasks.data?.items ?? [];
  const visible = loaded.filter(
    (task) => !actions.leaving.has(task.id) && !pending.some((gone) => gone.id === task.id),
  );
  const byId = new Map(visible.map((task) => [task.id, task]));
  const ids = (order ?? visible.map((task) => task.id)).filter((id) => byId.has(id));
  const list = ids.map((id) => byId.get(id)).filter((task): task is Task => !!task);
  const ordered = isOrdered(view);
  const mixed = view.kind !== 'project' && view.kind !== 'inbox';
  const leavesOnMove = view.kind === 'project' || view.kind === 'inbox';

  function reorder(task: Task, to: number) {
    const from = ids.indexOf(task.id);
    const anchor = moveAnchor(ids, from, to);
    if (!ordered || !anchor) return;
    setOrder(arrayMove(ids, from, to));
    void actions.reorder(task, anchor, ids, to + 1, ids.length).finally(() => setOrder(null));
  }

  useDndMonitor({
    onDragEnd: ({ active, over }) => {
      const dragged = dragData(active.data.current);
      const target = dragData(over?.data.current);
      if (dragged?.type !== 'task' || !target) return;
      const task = byId.get(dragged.id);
      if (!task) return;
      if (target.type === 'task' && target.id !== task.id) reorder(task, ids.indexOf(target.id));
      if (target.type === 'project' && target.id !== task.project_id)
        actions.moveToProject(task, target.id, ids, leavesOnMove);
      if (target.type === 'inbox' && task.project_id !== null)
        actions.moveToProject(task, null, ids, leavesOnMove);
    },
  });

  const toggleSelected = (id: number) => {
    setSelecting(true);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const clearSelection = () => {
    setSelected(new Set());
    setSelecting(false);
  };

  const withCurrent = (act: (task: Task) => void) => () => {
    const task = byId.get(focus.currentId() ?? -1);
    if (task) act(task);
  };
  useShortcuts({
    next: () => focus.move(ids, 1),
    previous: () => focus.move(ids, -1),
    complete: withCurrent((task) => actions.complete(task, true)),
    edit: withCurrent((task) => focus.click(task.id, 'edit')),
    moveToProject: withCurrent((task) => focus.click(task.id, 'move')),
    priority1: withCurrent((task) => actions.setPriority(task, 1)),
    priority2: withCurrent((task) => actions.setPriority(task, 2)),
    priority3: withCurrent((task) => actions.setPriority(task, 3)),
    priority4: withCurrent((task) => actions.setPriority(task, 4)),
    delete: withCurrent((task) => {
      if (!focus.move(ids, 1)) focus.move(ids, -1);
      remove(task);
    }),
    moveUp: withCurrent((task) => reorder(task, ids.indexOf(task.id) - 1)),
    moveDown: withCurrent((task) => reorder(task, ids.indexOf(task.id) + 1)),
  });

  if (tasks.isPending) return <Spinner label={t('tasks.loading')} />;
  if (tasks.isError) return <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />;

  const renderTask = (task: Task) => (
    <SortableTaskItem
      key={task.id}
      task={task}
      project={
        mixed
          ? task.project_id === null
            ? null
            : (byProject.get(task.project_id) ?? null)
          : undefined
      }
      selecting={selecting}
      selected={selected.has(task.id)}
      onSelect={() => toggleSelected(task.id)}
      onShiftClick={() => toggleSelected(task.id)}
      onToggle={(done) => actions.complete(done, true)}
      actions={
        <MoveToMenu
          task={task}
          projects={projects}
          onMove={(moved, projectId) => actions.moveToProject(moved, projectId, ids, leavesOnMove)}
        />
      }
    />
  );
  const chosen = list.filter((task) => selected.has(task.id));

  return (
    <div ref={listRoot}>
      <div className="view-toolbar">
        <p className="muted">
          {t('tasks.count', { count: list.length })}
          {tasks.data.total > VIEW_LIMIT && ` · ${t('organise.firstOnly', { count: VIEW_LIMIT })}`}
        </p>
        {list.length > 0 && (
          <button
            type="button"
            className="button button--small"
            aria-pressed={selecting}
            onClick={() => (selecting ? clearSelection() : setSelecting(true))}
          >
            {t('bulk.selectMode')}
          </button>
        )}
      </div>
      {chosen.length > 0 && (
        <BulkBar selected={chosen} projects={projects} onDone={clearSelection} />
      )}
      {list.length === 0 ? (
        <EmptyState title={empty.title}>
          <p>{empty.hint}</p>
        </EmptyState>
      ) : (
        <SortableContext items={ids.map(taskDragId)} strategy={verticalListSortingStrategy}>
          {view.kind === 'upcoming' ? (
            <DayGroups tasks={list} renderTask={renderTask} />
          ) : (
            <ul className="task-list" aria-label={t('tasks.listLabel')}>
              {list.map(renderTask)}
            </ul>
          )}
        </SortableContext>
      )}
      <p className="visually-hidden" aria-live="polite">
        {actions.announcement}
      </p>
      {ordered && list.length > 1 && <p className="muted view-hint">{t('organise.orderHint')}</p>}
    </div>
  );
}
