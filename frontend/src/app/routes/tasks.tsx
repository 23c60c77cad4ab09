import { useTranslation } from 'react-i18next';
import { TaskBoard } from '@/features/tasks/components/TaskBoard';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function TasksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('tasks.title'));
  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <TaskBoard />
    </>
  );
}
