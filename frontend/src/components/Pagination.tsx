import { useTranslation } from 'react-i18next';
import './Pagination.css';

type PaginationProps = { page: number; pages: number; onPageChange: (page: number) => void };

export function Pagination({ page, pages, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button
        type="button"
        className="button button--ghost"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="button button--ghost"
        disabled={page >= pages}
        onClick={() => onPageChange(page + 1)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
