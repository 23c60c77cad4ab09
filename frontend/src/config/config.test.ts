import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';
import { paths, safeNext } from './paths';

describe('parseEnv', () => {
  it('defaults to the same origin and a 6 s undo window', () => {
    expect(parseEnv({})).toEqual({ API_URL: globalThis.location.origin, UNDO_WINDOW_MS: 6000 });
  });

  it.each([
    [{ VITE_API_URL: 'not a url' }, 'VITE_API_URL must be an absolute http(s) URL'],
    [{ VITE_API_URL: 'ftp://example.com' }, 'VITE_API_URL must use http or https'],
    [{ VITE_UNDO_WINDOW_MS: '-5' }, 'VITE_UNDO_WINDOW_MS must be a positive integer'],
  ])('rejects %j', (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});

describe('safeNext', () => {
  it.each([
    ['/plan?x=1', '/plan?x=1'],
    [null, '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it('builds login links that carry where to return and why', () => {
    expect(paths.auth.login.getHref('/plan', 'expired')).toBe('/login?next=%2Fplan&reason=expired');
    expect(paths.auth.login.getHref('/')).toBe('/login');
  });
});

describe('paths.app.label', () => {
  // wouter matches the path after decodeURI, which leaves the escapes of reserved characters.
  it.each(['home', 'a/b é', '50%', 'a#b?c&d'])('gets %s back from its href', (name) => {
    const param = decodeURI(paths.app.label.getHref(name)).slice('/labels/'.length);
    expect(paths.app.label.nameOf(param)).toBe(name);
  });
});
