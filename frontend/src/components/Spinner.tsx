import { useTranslation } from 'react-i18next';
import './Spinner.css';

type SpinnerProps = { label?: string; fullPage?: boolean };

export function Spinner({ label, fullPage = false }: SpinnerProps) {
  const { t } = useTranslation();
  return (
    <div className={fullPage ? 'spinner spinner--page' : 'spinner'} role="status">
      <span className="spinner__circle" aria-hidden="true" />
      <span className="spinner__label">{label ?? t('common.loading')}</span>
    </div>
  );
}
