import { z } from 'zod';

const PINO_WARN = 40;

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const pinoLineSchema = z.object({
  level: z.number(),
  msg: z.string().optional(),
  err: z.object({ message: z.string() }).partial().optional(),
});

/**
 * Turns one line of a controller's output into a console line, or null when it is
 * routine. Pino lines below WARN stay in the log file only, so the console of
 * `npm start` shows what needs attention and nothing else; anything that is not a
 * pino line (a crash trace, a Node warning) is shown as it is.
 */
export function consoleLineFor(controllerName: string, line: string): string | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;

  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return `${controllerName} | ${trimmed}`;
  }
  const entry = pinoLineSchema.safeParse(parsed);
  if (!entry.success) return `${controllerName} | ${trimmed}`;
  if (entry.data.level < PINO_WARN) return null;

  const level = LEVEL_NAMES[entry.data.level] ?? `LEVEL ${entry.data.level}`;
  const reason = entry.data.err?.message ? `: ${entry.data.err.message}` : '';
  return `${controllerName} | ${level} ${entry.data.msg ?? ''}${reason}`;
}

/** Splits a stream of chunks into whole lines. */
export function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}
