import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { TextField } from '@/components/TextField';
import { limits } from '@/lib/api/limits';
import { ApiError } from '@/lib/api/errors';
import { fieldsExplain, setServerErrors, useFieldErrorText, useForm } from '@/lib/form';
import { checkRequired } from '@/lib/validation';
import { anonymousHandlers, errorBody, url } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const unprocessable = new ApiError({
  status: 422,
  code: '422',
  message: 'Unprocessable Entity',
  fieldErrors: { due_date: ['Not a valid date.'], other: ['Ignored.'] },
});

function TitleForm({ onValid }: { onValid: (values: { title: string; urgent: boolean }) => void }) {
  const { register, handleSubmit, setError, errors } = useForm({
    defaultValues: { title: '', urgent: false },
  });
  const errorText = useFieldErrorText();
  return (
    <form onSubmit={handleSubmit(onValid)} noValidate>
      <TextField
        label="Title"
        {...register('title', checkRequired)}
        errors={errorText(errors.title)}
      />
      <input type="checkbox" aria-label="Urgent" {...register('urgent')} />
      <button
        type="button"
        onClick={() => setError('title', { type: 'server', message: 'Taken.' })}
      >
        Fail
      </button>
      <button type="submit">Save</button>
    </form>
  );
}

describe('useForm', () => {
  it('holds back an invalid submit, checks again as the field changes, then sends the values', async () => {
    const onValid = vi.fn();
    const user = userEvent.setup();
    render(<TitleForm onValid={onValid} />);
    const title = screen.getByLabelText('Title');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onValid).not.toHaveBeenCalled();
    expect(title).toHaveAccessibleDescription('This field is required.');

    await user.type(title, 'Buy milk');
    expect(title).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByLabelText('Urgent'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onValid).toHaveBeenCalledExactlyOnceWith({ title: 'Buy milk', urgent: true });
  });

  it('shows a server message as sent until the field changes', async () => {
    const user = userEvent.setup();
    render(<TitleForm onValid={() => undefined} />);
    const title = screen.getByLabelText('Title');
    await user.type(title, 'Buy milk');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await user.click(screen.getByRole('button', { name: 'Fail' }));
    expect(title).toHaveAccessibleDescription('Taken.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    await user.type(title, '!');
    expect(title).not.toHaveAttribute('aria-invalid');
  });
});

describe('setServerErrors', () => {
  it('puts each API field message on the form field it maps to, and nothing else', () => {
    const set: unknown[] = [];
    const placed = setServerErrors(unprocessable, (name, error) => set.push([name, error]), {
      due_date: 'dueDate',
      title: 'title',
    });
    expect(placed).toBe(true);
    expect(set).toEqual([['dueDate', { type: 'server', message: 'Not a valid date.' }]]);
  });

  it('places nothing for an error that is not the API answering', () => {
    const set: unknown[] = [];
    expect(setServerErrors(new Error('offline'), (name) => set.push(name), ['title'])).toBe(false);
    expect(set).toEqual([]);
  });

  it('tells whether a field explains the error', () => {
    expect(fieldsExplain(unprocessable, ['due_date'])).toBe(true);
    expect(fieldsExplain(unprocessable, ['title'])).toBe(false);
    expect(fieldsExplain(new Error('offline'), ['due_date'])).toBe(false);
  });
});

describe('limits read from the OpenAPI spec', () => {
  it('has the lengths the backend publishes as patterns and bounds', () => {
    expect(limits.TaskCreate.title).toEqual({ minLength: 1, maxLength: 160 });
    expect(limits.TaskCreate.description).toEqual({ minLength: 0, maxLength: 2000 });
    expect(limits.RegisterIn.password).toEqual({ minLength: 10, maxLength: 128 });
    expect(limits.ProjectCreate.name).toEqual({ minLength: 1, maxLength: 80 });
    expect(limits.LabelUpdate.name).toEqual({ minLength: 1, maxLength: 40 });
    expect(limits.GenerateIn.max_tasks).toEqual({ minimum: 1, maximum: 15 });
  });
});

describe('a form on the toolkit', () => {
  it('shows a 422 field message by its field, and the limit on the input', async () => {
    server.use(
      ...anonymousHandlers(),
      http.post(url('/api/auth/register'), () =>
        errorBody(422, 'Unprocessable Entity', {
          json: { password: ['This password is too common.'] },
        }),
      ),
    );
    const { user } = renderApp('/register');
    const form = await screen.findByRole('form', { name: 'Create your account' });

    await user.type(within(form).getByLabelText('Name'), 'Ana');
    await user.type(within(form).getByLabelText('Email'), 'ana@example.com');
    await user.type(within(form).getByLabelText('Password'), 'password123');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));

    const password = within(form).getByLabelText('Password');
    expect(await within(form).findByText('This password is too common.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAttribute('maxlength', '128');
    expect(within(form).getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });
});
