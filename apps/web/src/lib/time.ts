const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * "5 seconds ago", "yesterday": how long ago `iso` was, seen from `now`. A time
 * slightly ahead (the server's clock, or data fresher than the last redraw) is "now",
 * never "in 3 seconds".
 */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Math.min(0, new Date(iso).getTime() - now);
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size || unit === 'second') {
      return relative.format(Math.round(elapsed / size), unit);
    }
  }
  return relative.format(0, 'second');
}

/** The full local date and time, for titles beside a relative time. */
export function formatAbsoluteTime(iso: string): string {
  return absolute.format(new Date(iso));
}
