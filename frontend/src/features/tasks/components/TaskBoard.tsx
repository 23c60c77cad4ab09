import { useTaskListParams } from '../hooks/use-task-list-params';
import { QuickAddForm } from './QuickAddForm';
import { TaskList } from './TaskList';
import { TaskProviders } from './TaskProviders';
import { TaskToolbar } from './TaskToolbar';

/** The everyday screen: capture, find and work through tasks. */
export function TaskBoard() {
  const [params, setParams] = useTaskListParams();
  return (
    <TaskProviders>
      <QuickAddForm />
      <TaskToolbar params={params} onChange={setParams} />
      <TaskList params={params} onPageChange={(page) => setParams({ page })} />
    </TaskProviders>
  );
}
