import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeDatabaseUrlProblem } from '../db/database-url';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  DATABASE_URL: optionalText.superRefine((value, ctx) => {
    const problem = value === undefined ? null : describeDatabaseUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  DATA_DIR: optionalText,
  CONTROLLER_DIR: optionalText,
  CONTROLLER_NAME: optionalText.pipe(
    z.string().max(100, 'at most 100 characters').optional(),
  ),
  PORT: optionalText.pipe(
    z.coerce
      .number<string>('must be a number')
      .int('must be a whole number')
      .min(0, 'must be 0 to 65535')
      .max(65535, 'must be 0 to 65535')
      .default(5240),
  ),
  HOST: optionalText.pipe(z.string().default('127.0.0.1')),
  CONTROLLER_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .optional(),
  ),
  ADMIN_USERNAME: optionalText.pipe(z.string().max(150).default('admin')),
  ADMIN_PASSWORD: optionalText,
  DEMO_MACHINES: optionalText.pipe(
    z.coerce
      .number<string>('must be a number')
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(100_000, 'must be at most 100000')
      .default(50),
  ),
  LOG_LEVEL: optionalText.pipe(
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  WEB_DIST: optionalText,
});

export interface ControllerConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  controllerDir: string;
  controllerName: string;
  host: string;
  port: number;
  /** Advertised internal URL; undefined means "http://HOST:PORT once listening". */
  controllerUrl: string | undefined;
  adminUsername: string;
  adminPassword: string | undefined;
  demoMachines: number;
  logLevel: string;
  webDist: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the controller's settings from the environment; throws ConfigError
 * naming each bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ControllerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const vars = parsed.data;
  const dataDir = path.resolve(vars.DATA_DIR ?? '.data');

  return {
    databaseUrl: vars.DATABASE_URL,
    dataDir,
    controllerDir: path.resolve(vars.CONTROLLER_DIR ?? path.join(dataDir, 'controller')),
    controllerName: vars.CONTROLLER_NAME ?? `region-${hostname()}`,
    host: vars.HOST,
    port: vars.PORT,
    controllerUrl: vars.CONTROLLER_URL,
    adminUsername: vars.ADMIN_USERNAME,
    adminPassword: vars.ADMIN_PASSWORD,
    demoMachines: vars.DEMO_MACHINES,
    logLevel: vars.LOG_LEVEL,
    webDist: path.resolve(vars.WEB_DIST ?? DEFAULT_WEB_DIST),
  };
}
