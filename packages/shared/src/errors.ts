import { z } from 'zod';

/** Every error code the BFF may answer with. Clients branch on these. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'VAULT_SEALED',
  'VAULT_UNREACHABLE',
  'VAULT_TLS_FAILED',
  'VAULT_PERMISSION_DENIED',
  'VAULT_WRAPPING_TOKEN_INVALID',
  'VAULT_INVALID_CREDENTIALS',
  'VAULT_BAD_RESPONSE',
  'VAULT_NOT_CONFIGURED',
  'VAULT_ERROR',
  'ALREADY_CONFIGURED',
  'CONTROLLER_NOT_FOUND',
  'CONTROLLER_OFFLINE',
  'RELAY_FAILED',
  'RPC_UNAUTHORIZED',
  'CONTROLLERS_NOT_CONFIGURED',
  'CONTROLLERS_NOT_AUTHENTICATED',
  'ALREADY_MIGRATED',
  'MIGRATION_RUNNING',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error body: `{"error": {"code", "message", "details"}}`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * `details` of a VALIDATION_FAILED error: one entry per bad field, keyed by the
 * field's dotted path ("secretsPath", "controllers.0.name").
 */
export const validationDetailsSchema = z.object({
  fields: z.record(z.string(), z.string()),
});
export type ValidationDetails = z.infer<typeof validationDetailsSchema>;
