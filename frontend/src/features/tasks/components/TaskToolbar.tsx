import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_INPUT_ID, useFocusRequest } from '@/lib/shortcuts';
import { TASK_SORTS, type TaskFilter, type TaskListParams, type TaskSort } from '../api/get-tasks';
import './TaskToolbar.css';

type TaskToolbarProps = {
  params: TaskListParams;
  onChange: (changes: Partial<TaskListParams>) => void;
};

const FILTERS: TaskFilter[] = ['all', 'open', 'done'];
const SEARCH_DELAY_MS = 300;

export function TaskToolbar({ params, onChange }: TaskToolbarProps) {
  const { t } = useTranslation();
  const searchField = useRef<HTMLInputElement>(null);
  useFocusRequest(SEARCH_INPUT_ID, searchField);
  const sortId = useId();
  const [search, setSearch] = useState(params.q);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(searchTimer.current), []);

  /** Search as the person types, once they pause, without a request per keystroke. */
  function changeSearch(value: string) {
    setSearch(value);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => onChange({ q: value }), SEARCH_DELAY_MS);
  }

  const filterLabels: Record<TaskFilter, string> = {
    all: t('tasks.filterAll'),
    open: t('tasks.filterOpen'),
    done: t('tasks.filterDone'),
  };
  const sortLabels: Record<TaskSort, string> = {
    '-created_at': t('tasks.sortNewest'),
    created_at: t('tasks.sortOldest'),
    title: t('tasks.sortTitle'),
    '-title': t('tasks.sortTitleDesc'),
    due_date: t('tasks.sortDueDate'),
    '-due_date': t('tasks.sortDueDateDesc'),
  };

  return (
    <div className="toolbar">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('tasks.filterLabel')}</legend>
        {FILTERS.map((filter) => (
          <label key={filter} className="segmented__option">
            <input
              type="radio"
              name="task-filter"
              value={filter}
              checked={params.filter === filter}
              onChange={() => onChange({ filter })}
            />
            <span>{filterLabels[filter]}</span>
          </label>
        ))}
      </fieldset>
      <div className="toolbar__field">
        <label htmlFor={SEARCH_INPUT_ID}>{t('tasks.search')}</label>
        <input
          ref={searchField}
          id={SEARCH_INPUT_ID}
          aria-keyshortcuts="/"
          className="input"
          type="search"
          value={search}
          placeholder={t('tasks.searchPlaceholder')}
          onChange={(event) => changeSearch(event.target.value)}
        />
      </div>
      <div className="toolbar__field">
        <label htmlFor={sortId}>{t('tasks.sort')}</label>
        <select
          id={sortId}
          className="select"
          value={params.sort}
          onChange={(event) => onChange({ sort: event.target.value as TaskSort })}
        >
          {TASK_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
