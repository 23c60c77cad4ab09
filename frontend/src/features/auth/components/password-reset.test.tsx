import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { anonymousHandlers, errorBody, url } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('password reset', () => {
  it('asks for the link and answers the same whatever the address', async () => {
    const requested: unknown[] = [];
    server.use(
      ...anonymousHandlers(),
      http.post(url('/api/auth/password-reset'), async ({ request }) => {
        requested.push(await request.json());
        return new HttpResponse(null, { status: 202 });
      }),
    );
    const { user } = renderApp('/forgot-password');

    await user.type(await screen.findByLabelText('Email'), 'ana@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(requested).toEqual([{ email: 'ana@example.com' }]);
  });

  it('sets the new password with the token from the emailed link', async () => {
    const confirmed: unknown[] = [];
    server.use(
      ...anonymousHandlers(),
      http.post(url('/api/auth/password-reset/confirm'), async ({ request }) => {
        confirmed.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/reset-password#token=tok-123');

    await user.type(await screen.findByLabelText('New password'), 'a-new-password');
    await user.type(screen.getByLabelText('Repeat the new password'), 'a-new-password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeInTheDocument();
    expect(confirmed).toEqual([{ token: 'tok-123', password: 'a-new-password' }]);
  });

  it('says when the link is invalid or expired', async () => {
    server.use(
      ...anonymousHandlers(),
      http.post(url('/api/auth/password-reset/confirm'), () =>
        errorBody(400, 'This reset link is invalid or has expired.'),
      ),
    );
    const { user } = renderApp('/reset-password#token=old');

    await user.type(await screen.findByLabelText('New password'), 'a-new-password');
    await user.type(screen.getByLabelText('Repeat the new password'), 'a-new-password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This reset link is invalid or has expired.',
    );
  });

  it('does not take the token from the query string, where logs would see it', async () => {
    server.use(...anonymousHandlers());
    renderApp('/reset-password?token=tok-123');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This reset link is invalid or has expired. Ask for a new one.',
    );
  });

  it('checks the passwords match before sending anything', async () => {
    server.use(...anonymousHandlers());
    const { user } = renderApp('/reset-password#token=tok');

    await user.type(await screen.findByLabelText('New password'), 'a-new-password');
    await user.type(screen.getByLabelText('Repeat the new password'), 'another-password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
  });
});
