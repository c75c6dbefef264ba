import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field names whose values never reach a log line, at any depth we log. */
const SECRET_FIELDS = [
  'password',
  'token',
  'secret_id',
  'secretId',
  'wrappedToken',
  'key',
  'value',
  'databaseUrl',
];

const HEADER_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-vault-token"]',
  'req.headers["x-csrftoken"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-vault-token"]',
  'headers["x-csrftoken"]',
];

function secretFieldPaths(): string[] {
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return prefixes.flatMap((prefix) => SECRET_FIELDS.map((field) => prefix + field));
}

export const redactPaths = [...HEADER_PATHS, ...secretFieldPaths()];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; tests pass a stream to read them back. Defaults to stdout. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    options.destination,
  );
}
