import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Link, NavLink, useHistoryState, useLocation } from './router';

// The adapter adds NavLink to wouter and passes the rest through; these tests cover NavLink and
// the two things the app relies on from the pass-through: history state and encoded hrefs.

function Where() {
  const [pathname] = useLocation();
  return <output data-testid="where">{pathname}</output>;
}

function Nav() {
  return (
    <nav>
      <NavLink to="/" end className="nav">
        All
      </NavLink>
      <NavLink to="/labels">Labels</NavLink>
      <NavLink to="/labels/a%20b" end>
        Label a b
      </NavLink>
      <NavLink to="/lab">Lab</NavLink>
      <Where />
    </nav>
  );
}

function current(): string[] {
  return screen
    .getAllByRole('link')
    .filter((link) => link.getAttribute('aria-current') === 'page')
    .map((link) => link.textContent ?? '');
}

describe('NavLink', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('marks its own page and, without `end`, the pages below it; keeps its other props', () => {
    window.history.replaceState(null, '', '/labels/a%20b');
    render(<Nav />);
    // "/lab" is a prefix of the path, not a parent page.
    expect(current()).toEqual(['Labels', 'Label a b']);
    expect(screen.getByRole('link', { name: 'All' })).toHaveAttribute('class', 'nav');
    expect(screen.getByRole('link', { name: 'Label a b' })).toHaveAttribute(
      'href',
      '/labels/a%20b',
    );
  });

  it('with `end`, marks only its own page, whatever the case or a trailing slash', async () => {
    window.history.replaceState(null, '', '/Labels/');
    render(<Nav />);
    expect(current()).toEqual(['Labels']);
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'All' })));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
    expect(current()).toEqual(['All']);
  });
});

describe('links and history state', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  function Page() {
    const state = useHistoryState<{ focus?: string } | null>();
    return (
      <>
        <Link to="/inbox" state={{ focus: 'quick-add' }}>
          Inbox
        </Link>
        <p data-testid="state">{JSON.stringify(state)}</p>
        <Where />
      </>
    );
  }

  it('navigate on a plain left click only, and keep `state` on the new history entry', async () => {
    window.history.replaceState(null, '', '/');
    render(<Page />);
    const length = window.history.length;
    const link = screen.getByRole('link', { name: 'Inbox' });
    // A Ctrl+click is the browser's (a new tab): jsdom cannot open it, so stop it there.
    let leftToBrowser = false;
    const stop = (event: Event) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', stop);
    fireEvent.click(link, { ctrlKey: true });
    document.removeEventListener('click', stop);
    expect(leftToBrowser).toBe(true);
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);

    await act(async () => fireEvent.click(link));
    expect(window.location.pathname).toBe('/inbox');
    expect(window.history.length).toBe(length + 1);
    expect(screen.getByTestId('state')).toHaveTextContent('{"focus":"quick-add"}');

    // Back: jsdom moves the URL, the router hears popstate; that entry had no state.
    await act(async () => {
      window.history.replaceState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
    expect(screen.getByTestId('state')).toHaveTextContent('null');
  });
});
