import type { ReactNode } from 'react';
import { useProjects } from '@/features/projects/api/get-projects';
import type { TaskView } from '@/features/tasks/api/get-view-tasks';
import type { TaskDefaults } from '@/features/tasks/components/QuickAddForm';
import { ViewBoard } from '@/features/tasks/components/ViewBoard';
import { useDocumentTitle } from '@/lib/use-document-title';

type ViewPageProps = {
  title: string;
  heading?: ReactNode;
  view: TaskView;
  defaults?: TaskDefaults;
  empty: { title: string; hint: string };
};

/** What every sidebar view shares: its title, and the task board given the person's projects. */
export function ViewPage({ title, heading, view, defaults = {}, empty }: ViewPageProps) {
  useDocumentTitle(title);
  const projects = useProjects();
  const choices = (projects.data ?? []).filter((project) => !project.archived);
  return (
    <>
      {heading ?? <h1>{title}</h1>}
      <ViewBoard view={view} projects={choices} defaults={defaults} empty={empty} />
    </>
  );
}
