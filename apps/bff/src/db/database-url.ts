/**
 * Why a DATABASE_URL cannot be used, or null when it looks usable. The message
 * never repeats the URL, which may carry a password.
 */
export function describeDatabaseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL; expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return 'must start with postgresql:// (or postgres://)';
  }
  if (!url.hostname)
    return 'must name a host, as in postgresql://USER@HOST:5432/DATABASE';
  if (url.pathname.length <= 1)
    return 'must name a database, as in postgresql://HOST/DATABASE';
  return null;
}

/** Host, port and database of a URL, safe to log (no user, no password). */
export function describeDatabaseTarget(value: string): string {
  try {
    const url = new URL(value);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
