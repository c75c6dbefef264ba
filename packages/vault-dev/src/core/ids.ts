import { randomBytes, randomUUID } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base62 text; the small modulo bias is irrelevant for a dev server's ids. */
export function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}

/** Service tokens carry Vault's `hvs.` prefix (Vault 1.10 and later). */
export const newServiceToken = (): string => `hvs.${randomBase62(24)}`;

export const newAccessor = (): string => randomBase62(24);

export const newUuid = (): string => randomUUID();

/** RFC 3339 with nanoseconds, as Go prints `time.Time` in JSON. */
export function rfc3339(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, -1)}000000Z`;
}
