import { createLogger, type Logger } from '../../src/logging/logger';

export interface CapturedLog {
  log: Logger;
  /** Every line written so far, raw, as an operator would read it. */
  text(): string;
  entries(): Array<Record<string, unknown>>;
}

/** A real pino logger (same redaction as production) writing into memory. */
export function captureLog(level = 'debug'): CapturedLog {
  const lines: string[] = [];
  const log = createLogger({
    level,
    destination: { write: (line: string) => lines.push(line) },
  });
  return {
    log,
    text: () => lines.join(''),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
