import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Plan } from '@/lib/api/types';
import { useAcceptPlan } from '../api/accept-plan';
import { createPlanProject } from '../api/create-plan-project';
import { usePlanDraft } from '../hooks/use-plan-draft';
import { usePlanRequest } from '../hooks/use-plan-request';
import { PlanForm, type PlanRequest } from './PlanForm';
import { PlanPreview } from './PlanPreview';
import { PlanRequestStatus } from './PlanRequestStatus';
import './planner.css';

/** Goal → proposal (dry run, maybe as a background job) → review → accept. */
export function PlannerView() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const accept = useAcceptPlan();
  const { draft, load, change, clear, toCreate, hasBlankTitle } = usePlanDraft();
  const [plan, setPlan] = useState<Plan | null>(null);
  const lastRequest = useRef<PlanRequest | null>(null);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  // "Add to a new project named after the goal": created once, even if saving is retried.
  const [intoProject, setIntoProject] = useState(false);
  const planProject = useRef<{ id: number; name: string } | null>(null);
  const [savedProject, setSavedProject] = useState<{ id: number; name: string } | null>(null);
  const [projectError, setProjectError] = useState<unknown>(null);
  const [goal, setGoal] = useState('');

  const show = useCallback(
    (proposal: Plan) => {
      setPlan(proposal);
      load(proposal);
    },
    [load],
  );
  const planRequest = usePlanRequest(show);

  function request(input: PlanRequest) {
    lastRequest.current = input;
    setGoal(input.goal.trim());
    setSavedCount(null);
    setSavedProject(null);
    planProject.current = null;
    setPlan(null);
    clear();
    planRequest.request(input);
  }

  function discard() {
    clear();
    setPlan(null);
  }

  async function save() {
    const savedBefore = draft.filter((task) => task.saved).length;
    setProjectError(null);
    if (intoProject && !planProject.current) {
      try {
        const project = await createPlanProject(goal);
        planProject.current = { id: project.id, name: project.name };
      } catch (error) {
        setProjectError(error);
        return;
      }
    }
    const project = intoProject ? planProject.current : null;
    const tasks = toCreate.map(({ key, body }) => ({
      key,
      body: project ? { ...body, project_id: project.id } : body,
    }));
    accept.mutate(
      { tasks, onSaved: (key) => change(key, { saved: true }) },
      {
        onSuccess: (saved) => {
          setSavedCount(savedBefore + saved.length);
          setSavedProject(project);
          discard();
          planRequest.reset();
        },
      },
    );
  }

  return (
    <>
      <PlanForm disabled={planRequest.isPending} onSubmit={request} />
      <PlanRequestStatus
        isPending={planRequest.isPending}
        error={planRequest.error}
        onCancel={planRequest.cancel}
        onRetry={() => lastRequest.current && request(lastRequest.current)}
      />
      {savedCount !== null && (
        <p className="notice notice--success" role="status">
          {t('planner.saved', { count: savedCount })}{' '}
          <Link
            to={
              savedProject ? paths.app.project.getHref(savedProject.id) : paths.app.tasks.getHref()
            }
          >
            {savedProject
              ? t('planner.seeProject', { name: savedProject.name })
              : t('planner.seeTasks')}
          </Link>
        </p>
      )}
      {plan && draft.length > 0 && (
        <>
          <PlanPreview draft={draft} source={plan} onChange={change} />
          <label className="plan__into-project">
            <input
              type="checkbox"
              checked={intoProject}
              disabled={accept.isPending}
              onChange={(event) => setIntoProject(event.target.checked)}
            />
            {t('planner.intoProject', { name: goal })}
          </label>
          {projectError !== null && (
            <p className="form__error" role="alert">
              {t('planner.projectFailed')} {describeError(projectError)}
            </p>
          )}
          {accept.error && (
            <p className="form__error" role="alert">
              {describeError(accept.error)}
            </p>
          )}
          <div className="plan__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={toCreate.length === 0 || hasBlankTitle || accept.isPending}
              onClick={() => void save()}
            >
              {t('planner.accept', { count: toCreate.length })}
            </button>
            <button type="button" className="button" onClick={discard} disabled={accept.isPending}>
              {t('planner.discard')}
            </button>
          </div>
        </>
      )}
      {plan && plan.tasks.length === 0 && <p className="notice">{t('planner.noTasks')}</p>}
    </>
  );
}
