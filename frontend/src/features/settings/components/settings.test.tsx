import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorBody, sessionHandlers, url } from '@/testing/api';
import { makeUser } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('settings', () => {
  it('renames the person', async () => {
    const patches: unknown[] = [];
    server.use(
      ...sessionHandlers(makeUser({ name: 'Ana' })),
      http.patch(url('/api/auth/me'), async ({ request }) => {
        const body = (await request.json()) as { name: string };
        patches.push(body);
        return HttpResponse.json(makeUser({ name: body.name }));
      }),
    );
    const { user } = renderApp('/settings');
    const profile = await screen.findByRole('form', { name: 'Profile' });

    await user.clear(within(profile).getByLabelText('Name'));
    await user.type(within(profile).getByLabelText('Name'), 'Ana Maria');
    await user.click(within(profile).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Your name was saved.')).toBeInTheDocument();
    expect(patches).toEqual([{ name: 'Ana Maria' }]);
  });

  it('says so next to the field when the current password is wrong, and stays signed in', async () => {
    server.use(
      ...sessionHandlers(),
      http.patch(url('/api/auth/me'), () =>
        errorBody(403, 'The current password is not correct.', {
          json: { current_password: ['The current password is not correct.'] },
        }),
      ),
    );
    const { user } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Change password' });

    await user.type(within(form).getByLabelText('Current password'), 'not-it');
    await user.type(within(form).getByLabelText('New password'), 'brand-new-pass');
    await user.type(within(form).getByLabelText('Repeat the new password'), 'brand-new-pass');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    expect(await within(form).findByText('The current password is not right.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/settings$/);
  });

  it('sends the person to log in again once the password is changed', async () => {
    const patches: unknown[] = [];
    server.use(
      ...sessionHandlers(),
      http.patch(url('/api/auth/me'), async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json(makeUser());
      }),
    );
    const { user } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Change password' });

    await user.type(within(form).getByLabelText('Current password'), 'the-old-password');
    await user.type(within(form).getByLabelText('New password'), 'brand-new-pass');
    await user.type(within(form).getByLabelText('Repeat the new password'), 'brand-new-pass');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    expect(
      await screen.findByText(
        'Your password was changed and every session ended. Log in with the new password.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/login\?reason=password$/);
    expect(patches).toEqual([{ password: 'brand-new-pass', current_password: 'the-old-password' }]);
  });

  it('asks for at least 10 characters before sending a new password', async () => {
    server.use(...sessionHandlers());
    const { user } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Change password' });

    await user.type(within(form).getByLabelText('Current password'), 'the-old-password');
    await user.type(within(form).getByLabelText('New password'), 'nine-char');
    await user.type(within(form).getByLabelText('Repeat the new password'), 'nine-char');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    expect(within(form).getByText('Use at least 10 characters.')).toBeInTheDocument();
  });
});
