import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';
import { TextField } from '@/components/TextField';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useFieldErrorText, useForm } from '@/lib/form';
import { checkEmail, EMAIL_MAX_LENGTH } from '@/lib/validation';
import { useRequestPasswordReset } from '../api/request-password-reset';

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const errorText = useFieldErrorText();
  const request = useRequestPasswordReset();
  const { register, handleSubmit, values, errors } = useForm({
    defaultValues: { email: '' },
  });
  const submit = handleSubmit(({ email }) => request.mutate(email.trim()));

  if (request.isSuccess) {
    return (
      <div className="form" role="status">
        <h1>{t('auth.checkEmailTitle')}</h1>
        <p>{t('auth.checkEmail', { email: values.email.trim() })}</p>
        <Link to={paths.auth.login.getHref()}>{t('auth.backToLogin')}</Link>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('auth.forgotTitle')}</h1>
      <p>{t('auth.forgotIntro')}</p>
      {request.error && (
        <p className="form__error" role="alert">
          {describeError(request.error)}
        </p>
      )}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        maxLength={EMAIL_MAX_LENGTH}
        {...register('email', checkEmail)}
        errors={errorText(errors.email)}
      />
      <button type="submit" className="button button--primary" disabled={request.isPending}>
        {t('auth.sendResetLink')}
      </button>
      <p className="form__links">
        <Link to={paths.auth.login.getHref()}>{t('auth.backToLogin')}</Link>
      </p>
    </form>
  );
}
