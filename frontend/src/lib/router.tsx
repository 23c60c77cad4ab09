/**
 * The part of React Router (declarative mode) this app uses, with its names and behaviour, in
 * about 2 KiB instead of 13 (issue 10's budget for the initial JavaScript): BrowserRouter,
 * MemoryRouter (tests), Routes/Route (nested layouts, `:param`, `*`), Outlet, Navigate, Link,
 * NavLink (`aria-current="page"`, `end`), useNavigate (`replace`, `state`), useLocation,
 * useParams, useMatch and useSearchParams. `to` is an absolute path, or `?search` / `#hash` on
 * the current page. As in React Router 7, navigations are transitions: the current page stays up
 * while the next one's chunk loads, and a link to the current URL replaces its history entry.
 */
import {
  Children,
  createContext,
  isValidElement,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type MouseEvent,
  type ReactNode,
} from 'react';

export type Location = {
  pathname: string;
  search: string;
  hash: string;
  /** What `navigate(to, { state })` attached to this history entry, else null. */
  state: unknown;
  key: string;
};
export type NavigateOptions = { replace?: boolean; state?: unknown };
export type NavigateFunction = (to: string, options?: NavigateOptions) => void;
export type Params = Readonly<Record<string, string | undefined>>;

type History = {
  initial: Location;
  /** Record the location (new entry or replacing the current one); returns it as stored. */
  commit: (location: Location, replace: boolean) => Location;
  /** Locations reached without `navigate` (back and forward buttons). */
  subscribe?: (update: (location: Location) => void) => () => void;
};

type RouterValue = { location: Location; navigate: NavigateFunction };
const RouterContext = createContext<RouterValue | null>(null);
const RouteContext = createContext<{ outlet: ReactNode; params: Params }>({
  outlet: null,
  params: {},
});

function parsePath(path: string): Pick<Location, 'pathname' | 'search' | 'hash'> {
  const hashAt = path.indexOf('#');
  const hash = hashAt < 0 ? '' : path.slice(hashAt);
  const rest = hashAt < 0 ? path : path.slice(0, hashAt);
  const searchAt = rest.indexOf('?');
  const search = searchAt < 0 ? '' : rest.slice(searchAt);
  return {
    pathname: (searchAt < 0 ? rest : rest.slice(0, searchAt)) || '/',
    search: search === '?' ? '' : search,
    hash: hash === '#' ? '' : hash,
  };
}

function createPath({ pathname, search, hash }: Omit<Location, 'state' | 'key'>): string {
  return pathname + search + hash;
}

function resolve(to: string, from: Location): Omit<Location, 'state' | 'key'> {
  if (to.startsWith('?')) return { ...parsePath(to), pathname: from.pathname };
  if (to.startsWith('#')) return { ...parsePath(to), pathname: from.pathname, search: from.search };
  return parsePath(to);
}

function newKey(): string {
  return Math.random().toString(36).slice(2, 10);
}

function useRouter(): RouterValue {
  const router = useContext(RouterContext);
  if (!router) throw new Error('Router hooks and links must be used inside a router');
  return router;
}

function Router({ history, children }: { history: History; children?: ReactNode }) {
  const [location, setLocation] = useState(history.initial);
  const latest = useRef(location);
  const update = useCallback((next: Location) => {
    latest.current = next;
    startTransition(() => setLocation(next));
  }, []);
  useLayoutEffect(() => history.subscribe?.(update), [history, update]);
  const navigate = useCallback<NavigateFunction>(
    (to, { replace = false, state = null } = {}) => {
      const next = { ...resolve(to, latest.current), state, key: newKey() };
      update(history.commit(next, replace));
    },
    [history, update],
  );
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function readBrowserLocation(): Location {
  const { pathname, search, hash } = window.location;
  // React Router's shape of history.state, so entries made before an update still work.
  const entry = window.history.state as { usr?: unknown; key?: string } | null;
  return { pathname, search, hash, state: entry?.usr ?? null, key: entry?.key ?? 'default' };
}

export function BrowserRouter({ children }: { children?: ReactNode }) {
  const [history] = useState<History>(() => ({
    initial: readBrowserLocation(),
    commit(location, replace) {
      const entry = { usr: location.state, key: location.key };
      if (replace) window.history.replaceState(entry, '', createPath(location));
      else window.history.pushState(entry, '', createPath(location));
      return readBrowserLocation();
    },
    subscribe(update) {
      const onPopState = () => update(readBrowserLocation());
      window.addEventListener('popstate', onPopState);
      return () => window.removeEventListener('popstate', onPopState);
    },
  }));
  return <Router history={history}>{children}</Router>;
}

/** History in memory, starting at the last of `initialEntries` (tests). */
export function MemoryRouter({
  children,
  initialEntries = ['/'],
}: {
  children?: ReactNode;
  initialEntries?: string[];
}) {
  const [history] = useState<History>(() => ({
    initial: { ...parsePath(initialEntries.at(-1) ?? '/'), state: null, key: 'default' },
    commit: (location) => location,
  }));
  return <Router history={history}>{children}</Router>;
}

export type RouteProps = { path?: string; element?: ReactNode; children?: ReactNode };

/** Only a description for <Routes>, which reads its props; never rendered itself. */
export function Route(props: RouteProps): null {
  void props;
  return null;
}

type Pattern = { regexp: RegExp; names: string[]; score: number };
type Branch = Pattern & { elements: ReactNode[] };

/** React Router's ranking: static segments beat `:params`, which beat a `*`. */
function compile(path: string): Pattern {
  const names: string[] = [];
  const segments = path.split('/').filter(Boolean);
  let source = '';
  let score = segments.length;
  for (const segment of segments) {
    if (segment === '*') {
      names.push('*');
      source += '(?:/(.*))?';
      score -= 2;
    } else if (segment.startsWith(':')) {
      names.push(segment.slice(1));
      source += '/([^/]+)';
      score += 3;
    } else {
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      score += 10;
    }
  }
  return { regexp: new RegExp(`^${source}/*$`, 'i'), names, score };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function match(pattern: Pattern, pathname: string): Params | null {
  const found = pattern.regexp.exec(pathname);
  if (!found) return null;
  return Object.fromEntries(pattern.names.map((name, i) => [name, decode(found[i + 1] ?? '')]));
}

function branchesOf(children: ReactNode, parentPath = '', parents: ReactNode[] = []): Branch[] {
  const branches: Branch[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement<RouteProps>(child)) return;
    const { path, element = <Outlet />, children: nested } = child.props;
    const fullPath = path === undefined ? parentPath : `${parentPath}/${path}`;
    const elements = [...parents, element];
    if (nested) branches.push(...branchesOf(nested, fullPath, elements));
    // A route without a path is a layout: it matches only through one of its children.
    if (path !== undefined) branches.push({ ...compile(fullPath), elements });
  });
  return branches;
}

/** Renders the best match's elements, each layout given the next one as its <Outlet />. */
export function Routes({ children }: { children?: ReactNode }) {
  const { pathname } = useRouter().location;
  const branches = branchesOf(children).sort((a, b) => b.score - a.score);
  for (const branch of branches) {
    const params = match(branch, pathname);
    if (params) {
      return branch.elements.reduceRight<ReactNode>(
        (outlet, element) => (
          <RouteContext.Provider value={{ outlet, params }}>{element}</RouteContext.Provider>
        ),
        null,
      );
    }
  }
  return null;
}

export function Outlet() {
  return useContext(RouteContext).outlet;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): NavigateFunction {
  return useRouter().navigate;
}

export function useParams(): Params {
  return useContext(RouteContext).params;
}

/** The params when the current URL matches `pattern` (a route path or an href), else null. */
export function useMatch(pattern: string): Params | null {
  const { pathname } = useLocation();
  return useMemo(() => match(compile(pattern), pathname), [pattern, pathname]);
}

type SearchInit = ConstructorParameters<typeof URLSearchParams>[0];

export function useSearchParams(): [
  URLSearchParams,
  (
    next: SearchInit | ((current: URLSearchParams) => SearchInit),
    options?: NavigateOptions,
  ) => void,
] {
  const { location, navigate } = useRouter();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setParams = useCallback(
    (next: SearchInit | ((current: URLSearchParams) => SearchInit), options?: NavigateOptions) => {
      const init = typeof next === 'function' ? next(new URLSearchParams(params)) : next;
      navigate(`?${new URLSearchParams(init).toString()}`, options);
    },
    [navigate, params],
  );
  return [params, setParams];
}

export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace, state }), [navigate, to, replace, state]);
  return null;
}

export type LinkProps = Omit<ComponentProps<'a'>, 'href'> & {
  to: string;
  replace?: boolean;
  state?: unknown;
};

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>, target?: string): boolean {
  return (
    event.button === 0 &&
    (!target || target === '_self') &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
  );
}

/** An <a href> that navigates in the page; new tabs and modified clicks stay the browser's. */
export function Link({ to, replace, state, onClick, target, ...rest }: LinkProps) {
  const { location, navigate } = useRouter();
  const href = createPath(resolve(to, location));
  return (
    // eslint-disable-next-line jsx-a11y/anchor-has-content -- the caller's children are in rest
    <a
      {...rest}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event, target)) return;
        event.preventDefault();
        navigate(to, { replace: replace ?? createPath(location) === href, state });
      }}
    />
  );
}

export type NavLinkProps = LinkProps & { end?: boolean; className?: string };

/** A link marked `aria-current="page"` (and class `active`) on its page or, without `end`, below. */
export function NavLink({ end = false, className, ...rest }: NavLinkProps) {
  const { location } = useRouter();
  const current = location.pathname.toLowerCase();
  const target = resolve(rest.to, location).pathname.toLowerCase();
  const slashAt = target !== '/' && target.endsWith('/') ? target.length - 1 : target.length;
  const active =
    current === target || (!end && current.startsWith(target) && current.charAt(slashAt) === '/');
  return (
    <Link
      aria-current={active ? 'page' : undefined}
      {...rest}
      className={[className, active ? 'active' : null].filter(Boolean).join(' ')}
    />
  );
}
