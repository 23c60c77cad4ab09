/**
 * Routing is wouter's (about 2 KiB gzipped, against React Router's 13: issue 10's budget for the
 * initial JavaScript). This module is the app's only routing import: it passes wouter through and
 * adds the one thing wouter lacks, a NavLink marked `aria-current="page"`.
 */
import { Link, useLocation, type LinkProps } from 'wouter';

export {
  Link,
  Redirect,
  Route,
  Switch,
  useLocation,
  useParams,
  useRoute,
  useSearch,
  useSearchParams,
} from 'wouter';
/** What `navigate(to, { state })` (or a Link's `state`) attached to the current history entry. */
export { useHistoryState } from 'wouter/use-browser-location';

/** wouter compares paths after decodeURI, so an encoded href (`/labels/a%20b`) must be too. */
function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** A link marked `aria-current="page"` on its page or, without `end`, on a page below it. */
export function NavLink({ end = false, ...props }: LinkProps & { to: string; end?: boolean }) {
  const current = useLocation()[0].toLowerCase();
  const target = decodePath(props.to)
    .toLowerCase()
    .replace(/(.)\/$/, '$1');
  const active = current === target || (!end && current.startsWith(`${target}/`));
  return <Link aria-current={active ? 'page' : undefined} {...props} />;
}
