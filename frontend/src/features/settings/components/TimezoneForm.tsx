import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { browserTimezone, updateTimezone } from '@/lib/auth/timezone';
import { userQueryKey } from '@/lib/auth/user';
import { useForm } from '@/lib/form';

/** Where "today" is: the zone Today, Upcoming and overdue dates are computed in. */
export function TimezoneForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const queryClient = useQueryClient();
  const id = useId();
  const { register, handleSubmit } = useForm({ defaultValues: { zone: user.timezone } });
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | Error>('idle');
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf?.('timeZone') ?? [];
    return [...new Set(['UTC', browserTimezone(), user.timezone, ...all])];
  }, [user.timezone]);

  const submit = handleSubmit(async ({ zone }) => {
    setStatus('saving');
    try {
      queryClient.setQueryData(userQueryKey, await updateTimezone(zone));
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      setStatus('saved');
    } catch (error) {
      setStatus(error as Error);
    }
  });

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('timezone.title')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('timezone.label')}
        </label>
        <select
          id={id}
          className="select select--full"
          aria-describedby={`${id}-hint`}
          {...register('zone')}
        >
          {zones.map((name) => (
            <option key={name} value={name}>
              {name.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="field__hint">
          {t('timezone.hint', { zone: browserTimezone() })}
        </p>
      </div>
      {status instanceof Error && (
        <p className="form__error" role="alert">
          {describeError(status)}
        </p>
      )}
      {status === 'saved' && (
        <p className="form__success" role="status">
          {t('timezone.saved')}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={status === 'saving'}>
        {t('common.save')}
      </button>
    </form>
  );
}
