import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BrowserRouter,
  Link,
  MemoryRouter,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  useLocation,
  useMatch,
  useNavigate,
  useParams,
  useSearchParams,
} from './router';

function Where() {
  const location = useLocation();
  return (
    <output data-testid="where">{`${location.pathname}${location.search}${location.hash}`}</output>
  );
}

function Params() {
  return <p data-testid="params">{JSON.stringify(useParams())}</p>;
}

function Layout({ name }: { name: string }) {
  return (
    <section aria-label={name}>
      <Outlet />
    </section>
  );
}

function App({ url }: { url: string }) {
  return (
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route element={<Layout name="auth" />}>
          <Route path="/login" element={<p>login</p>} />
        </Route>
        <Route element={<Layout name="app" />}>
          <Route path="/" element={<p>home</p>} />
          <Route path="*" element={<p>not found</p>} />
          <Route path="/projects/:projectId" element={<Params />} />
          <Route path="/labels/:name" element={<Params />} />
        </Route>
      </Routes>
      <Where />
    </MemoryRouter>
  );
}

describe('Routes', () => {
  it('renders the matching page inside its layout', () => {
    render(<App url="/login?next=%2F" />);
    expect(screen.getByRole('region', { name: 'auth' })).toHaveTextContent('login');
    expect(screen.queryByRole('region', { name: 'app' })).not.toBeInTheDocument();
  });

  it('matches "/" exactly, ignores case and a trailing slash, and falls back to "*"', () => {
    const { unmount } = render(<App url="/" />);
    expect(screen.getByText('home')).toBeInTheDocument();
    unmount();
    render(<App url="/LOGIN/" />);
    expect(screen.getByText('login')).toBeInTheDocument();
  });

  it('prefers a static or dynamic path to "*", whatever the order', () => {
    render(<App url="/projects/7" />);
    expect(screen.getByTestId('params')).toHaveTextContent('{"projectId":"7"}');
  });

  it('decodes params', () => {
    render(<App url={`/labels/${encodeURIComponent('a/b é')}`} />);
    expect(screen.getByTestId('params')).toHaveTextContent('{"name":"a/b é"}');
  });

  it('sends anything else to "*"', () => {
    render(<App url="/projects/7/extra" />);
    expect(screen.getByText('not found')).toBeInTheDocument();
  });
});

describe('links', () => {
  function Page() {
    const navigate = useNavigate();
    const here = useMatch('/labels/a%20b');
    return (
      <>
        <NavLink to="/" end className="nav">
          All
        </NavLink>
        <NavLink to="/labels">Labels</NavLink>
        <Link to="/labels/a%20b" state={{ focus: 'x' }}>
          Label
        </Link>
        <button type="button" onClick={() => navigate('?page=2', { replace: true })}>
          Page 2
        </button>
        <p data-testid="match">{here ? 'current' : 'other'}</p>
        <Where />
      </>
    );
  }

  it('marks the current NavLink (with `end`, only its own page) and matches encoded hrefs', () => {
    render(
      <MemoryRouter initialEntries={['/labels/a%20b']}>
        <Page />
      </MemoryRouter>,
    );
    const all = screen.getByRole('link', { name: 'All' });
    expect(all).not.toHaveAttribute('aria-current');
    expect(all).toHaveAttribute('class', 'nav');
    expect(screen.getByRole('link', { name: 'Labels' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Labels' })).toHaveClass('active');
    expect(screen.getByTestId('match')).toHaveTextContent('current');
  });

  it('navigates on a plain left click only', async () => {
    render(
      <MemoryRouter initialEntries={['/']}>
        <Page />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Label' });
    expect(link).toHaveAttribute('href', '/labels/a%20b');
    // The router leaves a Ctrl+click to the browser (jsdom cannot open it: stop it there).
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
    expect(screen.getByTestId('where')).toHaveTextContent('/labels/a%20b');
    expect(screen.getByTestId('match')).toHaveTextContent('current');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Page 2' })));
    expect(screen.getByTestId('where')).toHaveTextContent('/labels/a%20b?page=2');
  });
});

describe('BrowserRouter', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  function Search() {
    const [params, setParams] = useSearchParams();
    const { state } = useLocation();
    return (
      <>
        <p data-testid="q">{params.get('q') ?? ''}</p>
        <p data-testid="state">{JSON.stringify(state)}</p>
        <button
          type="button"
          onClick={() =>
            setParams((current) => {
              current.delete('x');
              current.set('q', 'milk');
              return current;
            })
          }
        >
          Search
        </button>
        <Link to="/other" state={{ focus: 'quick-add' }}>
          Other
        </Link>
        <Link to="/here?x=1">Here</Link>
        <Where />
      </>
    );
  }

  it('keeps the URL, history entries and their state in the browser', async () => {
    window.history.replaceState(null, '', '/here?x=1');
    render(
      <BrowserRouter>
        <Search />
      </BrowserRouter>,
    );
    const length = window.history.length;
    // A link to the page already shown replaces its entry instead of adding one.
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Here' })));
    expect(window.history.length).toBe(length);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Search' })));
    expect(window.location.search).toBe('?q=milk');
    expect(screen.getByTestId('q')).toHaveTextContent('milk');

    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Other' })));
    expect(window.location.pathname).toBe('/other');
    expect(screen.getByTestId('state')).toHaveTextContent('{"focus":"quick-add"}');
    expect(window.history.length).toBe(length + 2);

    // Back: jsdom moves the URL, the router hears popstate.
    await act(async () => {
      window.history.replaceState(null, '', '/here?q=milk');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('where')).toHaveTextContent('/here?q=milk');
    expect(screen.getByTestId('state')).toHaveTextContent('null');
  });

  it('<Navigate> replaces the current entry', async () => {
    window.history.replaceState(null, '', '/old');
    const length = window.history.length;
    await act(async () =>
      render(
        <BrowserRouter>
          <Routes>
            <Route path="/old" element={<Navigate to="/new?a=1#top" replace />} />
            <Route path="/new" element={<p>new</p>} />
          </Routes>
        </BrowserRouter>,
      ),
    );
    expect(screen.getByText('new')).toBeInTheDocument();
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(
      '/new?a=1#top',
    );
    expect(window.history.length).toBe(length);
  });
});
