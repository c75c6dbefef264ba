import { z } from 'zod';
import { controllerSchema } from './controllers';

export const integrationStates = [
  'not-configured',
  'partially-configured',
  'ready-to-migrate',
  'migrating',
  'enabled',
] as const;
export const integrationStateSchema = z.enum(integrationStates);
export type IntegrationState = z.infer<typeof integrationStateSchema>;

export const migrationStateSchema = z.enum(['running', 'paused', 'failed', 'succeeded']);
export type MigrationState = z.infer<typeof migrationStateSchema>;

export const migrationSchema = z.object({
  id: z.string(),
  state: migrationStateSchema,
  total: z.number().int().nonnegative(),
  migrated: z.number().int().nonnegative(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type Migration = z.infer<typeof migrationSchema>;

/** Vault as this controller last saw it (from its seal monitor). */
export const localVaultViewSchema = z.object({
  reachable: z.boolean(),
  initialized: z.boolean().nullable(),
  sealed: z.boolean().nullable(),
});
export type LocalVaultView = z.infer<typeof localVaultViewSchema>;

/** `GET /api/v1/vault/status` */
export const integrationStatusSchema = z.object({
  state: integrationStateSchema,
  vaultEnabled: z.boolean(),
  controllers: z.array(controllerSchema),
  configuredCount: z.number().int().nonnegative(),
  controllerCount: z.number().int().nonnegative(),
  migration: migrationSchema.nullable(),
  vault: localVaultViewSchema,
});
export type IntegrationStatus = z.infer<typeof integrationStatusSchema>;

/** `GET /api/v1/vault/seal-status`, also the answer of `POST /api/v1/vault/unseal`. */
export const sealStatusSchema = z.object({
  reachable: z.boolean(),
  initialized: z.boolean(),
  sealed: z.boolean(),
  t: z.number().int().nonnegative(),
  n: z.number().int().nonnegative(),
  progress: z.number().int().nonnegative(),
});
export type SealStatus = z.infer<typeof sealStatusSchema>;

/** `POST /api/v1/vault/migrate` (202) and `GET /api/v1/vault/migration`. */
export const migrationResponseSchema = z.object({
  migration: migrationSchema.nullable(),
});
export type MigrationResponse = z.infer<typeof migrationResponseSchema>;
