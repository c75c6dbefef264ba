const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
};

/**
 * Parses a duration the way Vault's ParseDurationSecond does: an integer number of
 * seconds (number or string) or a Go duration such as "1h30m", "90s", "5m" (plus
 * "d"). Returns whole seconds; throws an Error naming the bad value.
 */
export function parseDurationSeconds(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`invalid duration ${String(value)}`);
    return Math.floor(value);
  }
  if (typeof value !== 'string') throw new Error('duration must be a string or number');
  const text = value.trim();
  if (text === '') return 0;
  if (/^-?\d+$/.test(text)) return Number.parseInt(text, 10);
  return parseGoDuration(text);
}

function parseGoDuration(text: string): number {
  const match = /^(-?)((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+)$/.exec(text);
  if (!match || match[2] === undefined) {
    throw new Error(`time: invalid duration "${text}"`);
  }
  let total = 0;
  for (const part of match[2].matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g)) {
    total += Number.parseFloat(part[1] ?? '0') * (UNIT_SECONDS[part[2] ?? 's'] ?? 1);
  }
  const seconds = Math.floor(total);
  return match[1] === '-' ? -seconds : seconds;
}

/** Formats seconds the way Vault shows durations in config reads ("1h0m0s" style). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
