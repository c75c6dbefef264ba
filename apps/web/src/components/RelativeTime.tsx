import { useEffect, useState } from 'react';
import { formatAbsoluteTime, formatRelativeTime } from '../lib/time';

/** How often a relative time is redrawn, so "5 seconds ago" does not freeze. */
const REDRAW_MS = 10_000;

/** "12 seconds ago", with the exact local time on hover and for assistive tech. */
export function RelativeTime({ iso }: { iso: string | null }) {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REDRAW_MS);
    return () => clearInterval(timer);
  }, []);

  if (iso === null) return <span className="u-text--muted">never</span>;
  const absolute = formatAbsoluteTime(iso);
  return (
    <time
      dateTime={iso}
      title={absolute}
      aria-label={`${formatRelativeTime(iso, now)} (${absolute})`}
    >
      {formatRelativeTime(iso, now)}
    </time>
  );
}
