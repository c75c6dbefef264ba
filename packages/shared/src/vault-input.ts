import { z } from 'zod';

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/**
 * A path relative to a mount: segments of letters, digits, `_`, `.` and `-`,
 * no `.` or `..` segment, no empty segment, no leading or trailing slash.
 * Returns the reason it is not, or null when it is fine.
 */
export function relativePathProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty';
  if (value.startsWith('/') || value.endsWith('/')) {
    return 'must not start or end with a slash';
  }
  for (const segment of value.split('/')) {
    if (segment === '') return 'must not contain an empty segment (//)';
    if (segment === '.' || segment === '..') return 'must not contain . or .. segments';
    if (!SEGMENT.test(segment)) {
      return 'may only contain letters, digits, _, . and - between slashes';
    }
  }
  return null;
}

export const secretsPathSchema = z
  .string()
  .trim()
  .max(512, 'A secrets path has at most 512 characters.')
  .superRefine((value, ctx) => {
    const problem = relativePathProblem(value);
    if (problem)
      ctx.addIssue({ code: 'custom', message: `The secrets path ${problem}.` });
  });

/** A KV v2 mount: one safe path segment, like `secret` or `maas-kv`. */
export const secretsMountSchema = z
  .string()
  .trim()
  .min(1, 'Enter the secrets mount, for example secret.')
  .max(128, 'A mount has at most 128 characters.')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    'The mount must be a single segment of letters, digits, _ and -, like secret.',
  );

export const DEFAULT_SECRETS_MOUNT = 'secret';

export const vaultUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the Vault URL, for example https://vault.example.com:8200.')
  .max(2048, 'A URL has at most 2048 characters.')
  // The URL parser drops tabs and newlines silently; refuse them instead.
  .regex(/^[\x21-\x7e]+$/, 'The Vault URL must not contain spaces or control characters.')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The Vault URL is not a valid URL.' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({
        code: 'custom',
        message: 'The Vault URL must start with http:// or https://.',
      });
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: 'custom',
        message: 'The Vault URL must not contain credentials.',
      });
    }
    if (url.search || url.hash) {
      ctx.addIssue({
        code: 'custom',
        message: 'The Vault URL must not have a query or fragment.',
      });
    }
  });

const tokenLike = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(1024, `The ${what} has at most 1024 characters.`)
    .regex(
      /^[\x21-\x7e]+$/,
      `The ${what} must not contain spaces or control characters.`,
    );

/** What configures Vault on one controller (`POST /api/v1/controllers/{id}/vault`). */
export const configureVaultRequestSchema = z.strictObject({
  url: vaultUrlSchema,
  roleId: tokenLike('role ID'),
  wrappedToken: tokenLike('wrapped token'),
  secretsPath: secretsPathSchema,
  secretsMount: secretsMountSchema.default(DEFAULT_SECRETS_MOUNT),
  /** Must be true to replace an existing configuration. */
  overwrite: z.boolean().default(false),
});
export type ConfigureVaultRequest = z.input<typeof configureVaultRequestSchema>;
export type ConfigureVaultInput = z.output<typeof configureVaultRequestSchema>;

export const unsealRequestSchema = z.union([
  z.strictObject({
    key: z
      .string()
      .trim()
      .min(1, 'Enter an unseal key share.')
      .max(1024, 'An unseal key share has at most 1024 characters.'),
  }),
  z.strictObject({ reset: z.literal(true) }),
]);
export type UnsealRequest = z.infer<typeof unsealRequestSchema>;
