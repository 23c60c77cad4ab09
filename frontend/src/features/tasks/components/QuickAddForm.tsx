import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '@/components/TextArea';
import { TextField } from '@/components/TextField';
import { ApiError } from '@/lib/api/errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { parseLabels } from '@/lib/labels';
import { QUICK_ADD_INPUT_ID, useFocusRequest } from '@/lib/shortcuts';
import { serverErrors } from '@/lib/validation';
import type { LiteralKind } from '../api/parse-line';
import { useQuickAdd } from '../api/quick-add';
import { useLineChips } from '../hooks/use-line-chips';
import { PrioritySelect } from './PrioritySelect';
import { QuickAddChips } from './QuickAddChips';
import './quick-add.css';

/** What a new task gets from the view it is added in (its project, today's date, a label). */
export type TaskDefaults = { projectId?: number; dueDate?: string; labels?: string[] };

const EMPTY = { text: '', description: '', dueDate: '', priority: 4, labels: '' };
/** The longest line the server reads; what is left for the title must still fit 160. */
const LINE_MAX_LENGTH = 500;

/**
 * One line in plain words ("Dentista sexta 14h30 #saúde !1"): chips show what the server
 * recognises as the person types, removing one keeps its words in the title, and Enter
 * creates the task. The view's project, date and labels, and the optional details, apply
 * where the line says nothing.
 */
export function QuickAddForm({ defaults = {} }: { defaults?: TaskDefaults }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useQuickAdd();
  const [form, setForm] = useState(EMPTY);
  const [literal, setLiteral] = useState<LiteralKind[]>([]);
  const [showDetails, setShowDetails] = useState(false);
  const [textMissing, setTextMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useFocusRequest(QUICK_ADD_INPUT_ID, input);
  const { chips, title } = useLineChips(form.text, literal);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = form.text.trim();
    setTextMissing(text === '');
    if (text === '') return;
    const dueDate = form.dueDate || defaults.dueDate;
    create.mutate(
      {
        text,
        literal,
        description: form.description.trim() || null,
        priority: form.priority,
        labels: [...(defaults.labels ?? []), ...parseLabels(form.labels)],
        ...(dueDate ? { due_date: dueDate } : {}),
        ...(defaults.projectId === undefined ? {} : { project_id: defaults.projectId }),
      },
      {
        onSuccess: () => {
          // Whatever was typed while this one was being saved is the next task: keep it.
          setForm((current) => (current.text.trim() === text ? EMPTY : current));
          setLiteral([]);
          input.current?.focus();
        },
      },
    );
  }

  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : undefined;
  const textErrors = textMissing ? [t('validation.required')] : serverErrors(fieldErrors, 'text');
  return (
    <form className="quick-add" onSubmit={submit} noValidate aria-label={t('tasks.addTask')}>
      <div className="quick-add__row">
        <TextField
          ref={input}
          id={QUICK_ADD_INPUT_ID}
          aria-keyshortcuts="q"
          className="quick-add__title"
          label={t('tasks.newTaskLabel')}
          placeholder={t('quickAdd.placeholder')}
          value={form.text}
          maxLength={LINE_MAX_LENGTH}
          onChange={(event) => {
            const text = event.target.value;
            setForm({ ...form, text });
            if (text.trim() === '') setLiteral([]);
          }}
          errors={textErrors}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('tasks.add')}
        </button>
      </div>
      <QuickAddChips
        chips={chips}
        title={title}
        onRemove={(chip) => {
          setLiteral([...literal, ...chip.kinds]);
          input.current?.focus();
        }}
      />
      <button
        type="button"
        className="button button--link"
        aria-expanded={showDetails}
        onClick={() => setShowDetails(!showDetails)}
      >
        {showDetails ? t('tasks.hideDetails') : t('organise.addDetails')}
      </button>
      {showDetails && (
        <div className="quick-add__details">
          <TextArea
            label={t('tasks.description')}
            value={form.description}
            rows={2}
            onChange={(event) => setForm({ ...form, description: event.target.value })}
            errors={serverErrors(fieldErrors, 'description')}
          />
          <TextField
            label={t('tasks.dueDate')}
            type="date"
            value={form.dueDate}
            onChange={(event) => setForm({ ...form, dueDate: event.target.value })}
            errors={serverErrors(fieldErrors, 'due_date')}
          />
          <PrioritySelect
            value={form.priority}
            onChange={(priority) => setForm({ ...form, priority })}
          />
          <TextField
            label={t('labels.field')}
            hint={t('labels.fieldHint')}
            value={form.labels}
            onChange={(event) => setForm({ ...form, labels: event.target.value })}
            errors={serverErrors(fieldErrors, 'labels')}
          />
        </div>
      )}
      {create.error && !fieldErrors?.text && (
        <p className="form__error" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
