/** The one route table: components link through these helpers, never with string literals. */
function withNext(path: string, next?: string | null): string {
  if (!next || next === '/' || !next.startsWith('/') || next.startsWith('//')) return path;
  return `${path}?${new URLSearchParams({ next }).toString()}`;
}

export const paths = {
  home: { path: '/', getHref: () => '/' },
  auth: {
    login: {
      path: '/login',
      getHref: (next?: string | null, reason?: 'expired' | 'password') => {
        const href = withNext('/login', next);
        if (!reason) return href;
        return `${href}${href.includes('?') ? '&' : '?'}reason=${reason}`;
      },
    },
    register: { path: '/register', getHref: (next?: string | null) => withNext('/register', next) },
    forgotPassword: { path: '/forgot-password', getHref: () => '/forgot-password' },
    resetPassword: { path: '/reset-password', getHref: () => '/reset-password' },
  },
  app: {
    tasks: { path: '/', getHref: () => '/' },
    inbox: { path: '/inbox', getHref: () => '/inbox' },
    today: { path: '/today', getHref: () => '/today' },
    upcoming: { path: '/upcoming', getHref: () => '/upcoming' },
    project: {
      path: '/projects/:projectId',
      getHref: (id: number) => `/projects/${id}`,
    },
    label: {
      path: '/labels/:name',
      getHref: (name: string) => `/labels/${encodeURIComponent(name)}`,
      /** The name in a matched `:name` (wouter leaves `%2F`, `%23`... of decodeURI undecoded). */
      nameOf: (param: string | undefined): string => {
        try {
          return decodeURIComponent(param ?? '');
        } catch {
          return param ?? '';
        }
      },
    },
    planner: { path: '/plan', getHref: () => '/plan' },
    settings: { path: '/settings', getHref: () => '/settings' },
    users: { path: '/admin/users', getHref: () => '/admin/users' },
    jobs: { path: '/admin/jobs', getHref: () => '/admin/jobs' },
  },
} as const;

/** Only same-site relative paths are followed after login, so `?next=` cannot redirect off-site. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
