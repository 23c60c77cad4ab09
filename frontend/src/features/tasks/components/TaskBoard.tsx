import { useTaskListParams } from '../hooks/use-task-list-params';
import { PendingDeletesProvider } from '../hooks/use-pending-deletes';
import { QuickAddForm } from './QuickAddForm';
import { TaskList } from './TaskList';
import { TaskToolbar } from './TaskToolbar';
import { UndoToasts } from './UndoToasts';

/** The everyday screen: capture, find and work through tasks. */
export function TaskBoard() {
  const [params, setParams] = useTaskListParams();
  return (
    <PendingDeletesProvider>
      <QuickAddForm />
      <TaskToolbar params={params} onChange={setParams} />
      <TaskList params={params} onPageChange={(page) => setParams({ page })} />
      <UndoToasts />
    </PendingDeletesProvider>
  );
}
