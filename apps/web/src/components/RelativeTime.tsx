import { useNow } from '../lib/clock';
import { formatAbsoluteTime, formatRelativeTime } from '../lib/time';

/** "12 seconds ago", with the exact local time on hover and for assistive tech. */
export function RelativeTime({ iso }: { iso: string | null }) {
  const now = useNow();

  if (iso === null) return <span className="u-text--muted">never</span>;
  const absolute = formatAbsoluteTime(iso);
  const relative = formatRelativeTime(iso, now);
  return (
    <time dateTime={iso} title={absolute} aria-label={`${relative} (${absolute})`}>
      {relative}
    </time>
  );
}
