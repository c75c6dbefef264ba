import { randomBytes } from 'node:crypto';

export interface AdminPassword {
  password: string;
  /** True when made up now: the only time it is shown on the console. */
  generated: boolean;
  /** Set when ADMIN_PASSWORD was given but the admin already exists with another one. */
  ignoredFromEnv: boolean;
}

/**
 * The admin exists from the first start on, so its password is the one recorded
 * then; ADMIN_PASSWORD only chooses it on a first start.
 */
export function resolveAdminPassword(
  fromEnv: string | undefined,
  previous: string | undefined,
): AdminPassword {
  if (previous) {
    return {
      password: previous,
      generated: false,
      ignoredFromEnv: fromEnv !== undefined && fromEnv !== previous,
    };
  }
  if (fromEnv) return { password: fromEnv, generated: false, ignoredFromEnv: false };
  return {
    password: randomBytes(18).toString('base64url'),
    generated: true,
    ignoredFromEnv: false,
  };
}
