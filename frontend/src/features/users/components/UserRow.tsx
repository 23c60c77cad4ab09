import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { formatDateTime } from '@/lib/format';
import { useDeleteUser } from '../api/delete-user';
import { useUpdateUser } from '../api/update-user';

type UserRowProps = { user: User; isSelf: boolean };

/** Admin actions on one account; deleting asks once more, inline, before it happens. */
export function UserRow({ user, isSelf }: UserRowProps) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const [confirming, setConfirming] = useState(false);
  const error = update.error ?? remove.error;

  return (
    <tr>
      <td data-label={t('auth.name')}>{user.name}</td>
      <td data-label={t('auth.email')}>{user.email}</td>
      <td data-label={t('users.role')}>
        {user.is_admin ? t('users.admin') : t('users.member')}
        {!user.is_active && ` (${t('users.deactivated')})`}
      </td>
      <td data-label={t('users.createdAt')}>{formatDateTime(user.created_at, i18n.language)}</td>
      <td className="users__actions">
        {!isSelf && (
          <button
            type="button"
            className="button button--small"
            disabled={update.isPending}
            aria-label={
              user.is_admin
                ? t('users.removeAdmin', { email: user.email })
                : t('users.makeAdmin', { email: user.email })
            }
            onClick={() => update.mutate({ id: user.id, changes: { is_admin: !user.is_admin } })}
          >
            {user.is_admin ? t('users.removeAdminShort') : t('users.makeAdminShort')}
          </button>
        )}
        {!isSelf && (
          <button
            type="button"
            className="button button--small"
            disabled={update.isPending}
            aria-label={
              user.is_active
                ? t('users.deactivate', { email: user.email })
                : t('users.reactivate', { email: user.email })
            }
            onClick={() => update.mutate({ id: user.id, changes: { is_active: !user.is_active } })}
          >
            {user.is_active ? t('users.deactivateShort') : t('users.reactivateShort')}
          </button>
        )}
        {!isSelf && !confirming && (
          <button
            type="button"
            className="button button--small button--danger"
            aria-label={t('users.delete', { email: user.email })}
            onClick={() => setConfirming(true)}
          >
            {t('common.delete')}
          </button>
        )}
        {confirming && (
          <span
            className="users__confirm"
            role="group"
            aria-label={t('users.confirmDelete', { email: user.email })}
          >
            <span>{t('users.confirmDelete', { email: user.email })}</span>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(user.id)}
            >
              {t('users.confirmYes')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setConfirming(false)}
            >
              {t('common.cancel')}
            </button>
          </span>
        )}
        {error && (
          <span className="form__error" role="alert">
            {describeError(error)}
          </span>
        )}
      </td>
    </tr>
  );
}
