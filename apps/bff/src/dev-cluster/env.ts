import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A whole number from the environment; `fallback` when unset or empty. */
function wholeNumber(fallback: number | undefined, min: number, max: number) {
  return optional
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(
      z
        .number('must be a number')
        .int('must be a whole number')
        .min(min, `must be ${min} to ${max}`)
        .max(max, `must be ${min} to ${max}`)
        .optional(),
    );
}

const devClusterEnvSchema = z.object({
  DATA_DIR: optional.pipe(z.string().default('.data')),
  CONTROLLERS: wholeNumber(3, 1, 20),
  PORT: wholeNumber(5240, 0, 65535),
  VAULT_PORT: wholeNumber(8200, 0, 65535),
  ADMIN_PASSWORD: optional,
  DATABASE_URL: optional,
  DEMO_MACHINES: wholeNumber(undefined, 0, 100_000),
});

export interface DevClusterSettings {
  dataDir: string;
  controllers: number;
  basePort: number;
  vaultPort: number;
  adminPassword: string | undefined;
  databaseUrl: string | undefined;
  demoMachines: number | undefined;
}

/** Reads `npm start`'s settings; throws one error naming every bad variable. */
export function readDevClusterEnv(env: NodeJS.ProcessEnv): DevClusterSettings {
  const parsed = devClusterEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid environment for npm start:\n${problems.join('\n')}`);
  }
  const vars = parsed.data;
  const controllers = vars.CONTROLLERS ?? 3;
  const basePort = vars.PORT ?? 5240;
  if (basePort !== 0 && basePort + controllers - 1 > 65535) {
    throw new Error(`PORT ${basePort} leaves no room for ${controllers} controllers`);
  }
  return {
    dataDir: vars.DATA_DIR,
    controllers,
    basePort,
    vaultPort: vars.VAULT_PORT ?? 8200,
    adminPassword: vars.ADMIN_PASSWORD,
    databaseUrl: vars.DATABASE_URL,
    demoMachines: vars.DEMO_MACHINES,
  };
}
