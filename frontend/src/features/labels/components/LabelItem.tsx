import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useRoute } from '@/lib/router';
import { ColorDot } from '@/components/ColorDot';
import { ItemMenu } from '@/components/ItemMenu';
import { paths } from '@/config/paths';
import type { Label } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useDeleteLabel } from '../api/delete-label';
import { LabelRenameForm } from './LabelRenameForm';

type LabelItemProps = { label: Label; count: number };

/** One label: a link to the tasks carrying it, renamed or deleted from its menu. */
export function LabelItem({ label, count }: LabelItemProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const describeError = useErrorMessage();
  const [onLabelPage, params] = useRoute(paths.app.label.path);
  const here = onLabelPage && paths.app.label.nameOf(params.name) === label.name;
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const remove = useDeleteLabel();

  if (mode === 'rename') {
    return (
      <li className="sidebar__item">
        <LabelRenameForm
          label={label}
          onDone={(renamed) => {
            setMode('view');
            if (renamed && here) navigate(paths.app.label.getHref(renamed), { replace: true });
          }}
        />
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
