export const HOME_PATH = '/controllers';

/** Where to go after login: only a path inside this app, never another origin. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return HOME_PATH;
  }
  if (next === '/login' || next.startsWith('/login?')) return HOME_PATH;
  return next;
}

export function loginPathFor(location: {
  pathname: string;
  search: string;
  hash: string;
}) {
  const here = `${location.pathname}${location.search}${location.hash}`;
  return `/login?next=${encodeURIComponent(here)}`;
}
