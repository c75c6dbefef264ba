import { pino, type Logger } from 'pino';

/** A pino logger that keeps every line, so tests can read what was logged. */
export function createCapturedLogger(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { logger, text: () => lines.join('') };
}
