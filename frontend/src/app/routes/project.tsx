import { useTranslation } from 'react-i18next';
import { useParams } from '@/lib/router';
import { ErrorState } from '@/components/ErrorState';
import { Spinner } from '@/components/Spinner';
import { ApiError } from '@/lib/api/errors';
import { useProject } from '@/features/projects/api/get-project';
import { ProjectHeading } from '@/features/projects/components/ProjectHeading';
import NotFoundRoute from './not-found';
import { ViewPage } from '../ViewPage';

export default function ProjectRoute() {
  const { t } = useTranslation();
  const id = Number(useParams().projectId);
  const valid = Number.isInteger(id) && id > 0;
  const project = useProject(valid ? id : null);
  if (!valid || (project.error instanceof ApiError && project.error.status === 404)) {
    return <NotFoundRoute />;
  }
  if (project.isPending) return <Spinner />;
  if (project.isError) {
    return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  }
  return (
    <ViewPage
      key={id}
      title={project.data.name}
      heading={<ProjectHeading project={project.data} />}
      view={{ kind: 'project', projectId: id }}
      defaults={{ projectId: id }}
      empty={{ title: t('views.projectEmpty'), hint: t('views.projectEmptyHint') }}
    />
  );
}
