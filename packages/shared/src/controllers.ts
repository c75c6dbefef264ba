import { z } from 'zod';

/** A controller's own live view of its Vault, reported with its heartbeat. */
export const controllerVaultCheckSchema = z.object({
  reachable: z.boolean(),
  sealed: z.boolean().nullable(),
  authenticated: z.boolean(),
  /** A message a person can act on; never a secret. */
  error: z.string().nullable(),
  checkedAt: z.iso.datetime(),
});
export type ControllerVaultCheck = z.infer<typeof controllerVaultCheckSchema>;

export const controllerSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  online: z.boolean(),
  lastSeen: z.iso.datetime().nullable(),
  vaultConfigured: z.boolean(),
  vaultConfiguredAt: z.iso.datetime().nullable(),
  vault: controllerVaultCheckSchema.nullable(),
});
export type Controller = z.infer<typeof controllerSchema>;

export const controllersResponseSchema = z.object({
  controllers: z.array(controllerSchema),
});
export type ControllersResponse = z.infer<typeof controllersResponseSchema>;

/** Answer of `POST /api/v1/controllers/{id}/vault`. */
export const configureVaultResponseSchema = z.object({
  controller: controllerSchema,
});
export type ConfigureVaultResponse = z.infer<typeof configureVaultResponseSchema>;

/** A controller is online while its last heartbeat is younger than this. */
export const CONTROLLER_OFFLINE_AFTER_MS = 15_000;
