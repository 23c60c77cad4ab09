import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { anonymousHandlers, errorBody, sessionHandlers, sidebarHandlers, url } from '@/testing/api';
import { makePage, makeTask, makeUser } from '@/testing/data';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const tokens = { access_token: 'new', refresh_token: 'r', token_type: 'Bearer', expires_in: 900 };

describe('session', () => {
  it('restores the session from the refresh cookie on start', async () => {
    server.use(
      ...sessionHandlers(makeUser({ name: 'Ana' })),
      http.get(url('/api/tasks'), () =>
        HttpResponse.json(makePage([makeTask({ title: 'Pay rent' })])),
      ),
    );
    renderApp('/');
    expect(await screen.findByRole('checkbox', { name: 'Pay rent' })).toBeInTheDocument();
  });

  it('sends signed-out people to login and back to the page they asked for', async () => {
    const deliveries: (string | null)[] = [];
    server.use(
      ...anonymousHandlers(),
      http.post(url('/api/auth/login'), ({ request }) => {
        deliveries.push(request.headers.get('X-Refresh-Token-Delivery'));
        return HttpResponse.json({ access_token: 'new', token_type: 'Bearer', expires_in: 900 });
      }),
      http.get(url('/api/auth/me'), () => HttpResponse.json(makeUser())),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([]))),
      ...sidebarHandlers(),
    );
    const { user } = renderApp('/?status=done');

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2F%3Fstatus%3Ddone'),
    );
    await user.type(await screen.findByLabelText('Email'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('No tasks match these filters.')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/\?status=done$/);
    // The refresh token stays in the httpOnly cookie: the app asks not to get it in the body.
    expect(deliveries).toEqual(['cookie']);
  });

  it('goes to login with "session expired" when a refresh fails mid-use, then comes back', async () => {
    let refreshes = 0;
    let loggedIn = false;
    server.use(
      http.post(url('/api/auth/refresh'), () => {
        refreshes += 1;
        return refreshes === 1
          ? HttpResponse.json({ ...tokens, access_token: 'first' })
          : errorBody(401, 'Revoked');
      }),
      http.get(url('/api/auth/me'), () => HttpResponse.json(makeUser())),
      http.get(url('/api/tasks'), () =>
        loggedIn
          ? HttpResponse.json(makePage([makeTask({ title: 'Back again' })]))
          : errorBody(401, 'Expired'),
      ),
      http.post(url('/api/auth/login'), () => {
        loggedIn = true;
        return HttpResponse.json(tokens);
      }),
      ...sidebarHandlers(),
    );
    const { user } = renderApp('/?q=rent');

    expect(await screen.findByText(/Your session expired/)).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/login?next=%2F%3Fq%3Drent&reason=expired',
    );

    await user.type(await screen.findByLabelText('Email'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('checkbox', { name: 'Back again' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/\?q=rent$/);
    expect(refreshes).toBe(2);
  });

  it('shows wrong credentials next to the form, in words', async () => {
    server.use(
      ...anonymousHandlers(),
      http.post(url('/api/auth/login'), () => errorBody(401, 'Invalid')),
    );
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('shows the offline face when the API cannot be reached at start', async () => {
    server.use(http.post(url('/api/auth/refresh'), () => HttpResponse.error()));
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent("Tarefa's server cannot be reached");
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('logs out through the API and lands on the login page', async () => {
    let loggedOut = false;
    server.use(
      ...sessionHandlers(),
      http.get(url('/api/tasks'), () => HttpResponse.json(makePage([]))),
      http.post(url('/api/auth/logout'), async ({ request }) => {
        // Only the access token: the refresh token stays in its httpOnly cookie.
        loggedOut =
          request.headers.get('Authorization') === 'Bearer access-1' &&
          (await request.text()) === '';
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    expect(loggedOut).toBe(true);
  });
});
