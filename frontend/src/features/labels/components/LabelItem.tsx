import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch, useNavigate } from 'react-router-dom';
import { ColorDot } from '@/components/ColorDot';
import { ItemMenu } from '@/components/ItemMenu';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import type { Label } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { serverErrors } from '@/lib/validation';
import { useDeleteLabel } from '../api/delete-label';
import { useUpdateLabel } from '../api/update-label';

export const LABEL_NAME_MAX = 40;

type LabelItemProps = { label: Label; count: number };

/** One label: a link to the tasks carrying it, renamed or deleted from its menu. */
export function LabelItem({ label, count }: LabelItemProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describeError = useErrorMessage();
  const here = useMatch(paths.app.label.getHref(label.name));
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(label.name);
  const update = useUpdateLabel();
  const remove = useDeleteLabel();

  function rename(event: FormEvent) {
    event.preventDefault();
    const next = name.trim().replace(/\s+/g, '-');
    if (next === '' || next === label.name) return setMode('view');
    update.mutate(
      { id: label.id, changes: { name: next } },
      {
        onSuccess: () => {
          setMode('view');
          if (here) navigate(paths.app.label.getHref(next), { replace: true });
        },
      },
    );
  }

  if (mode === 'rename') {
    const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : undefined;
    return (
      <li className="sidebar__item">
        <form
          className="project-form"
          aria-label={t('labels.renameTitle', { name: label.name })}
          onSubmit={rename}
          noValidate
        >
          <TextField
            label={t('labels.name')}
            hint={t('labels.nameHint')}
            value={name}
            maxLength={LABEL_NAME_MAX}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            errors={serverErrors(fieldErrors, 'name')}
          />
          {update.error && !fieldErrors?.name && (
            <p className="form__error" role="alert">
              {describeError(update.error)}
            </p>
          )}
          <div className="project-form__actions">
            <button type="submit" className="button button--primary button--small">
              {t('common.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="sidebar__item">
      <NavLink to={paths.app.label.getHref(label.name)} className="sidebar__link">
        <ColorDot color={label.color} />
        <span className="sidebar__name">#{label.name}</span>
        {count > 0 && <span className="sidebar__count">{count}</span>}
      </NavLink>
      <ItemMenu
        label={t('labels.options', { name: label.name })}
        actions={[
          { label: t('labels.rename'), onSelect: () => setMode('rename') },
          { label: t('labels.delete'), onSelect: () => setMode('delete'), danger: true },
        ]}
      />
      {mode === 'delete' && (
        <div className="sidebar__confirm" role="group" aria-label={t('labels.delete')}>
          <p>{t('labels.deleteQuestion', { name: label.name })}</p>
          {remove.error && (
            <p className="form__error" role="alert">
              {describeError(remove.error)}
            </p>
          )}
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() =>
              remove.mutate(label.id, {
                onSuccess: () => {
                  setMode('view');
                  if (here) navigate(paths.app.inbox.getHref());
                },
              })
            }
          >
            {t('labels.deleteConfirm', { name: label.name })}
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('view')}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
