import { createHash } from 'node:crypto';
import { parseDurationSeconds } from '../core/duration';
import { newAccessor, newUuid } from '../core/ids';
import type { JsonObject } from '../core/routing';
import type { BarrierStorage } from '../core/storage';
import { badRequest } from '../core/vault-error';
import type { AppRole } from './approle-role';

interface SecretIdEntry {
  accessor: string;
  createdAt: number;
  /** ms since epoch; 0 = no expiry. */
  expiresAt: number;
  /** Uses left; 0 = unlimited. */
  usesLeft: number;
}

// secret_ids are kept only as SHA-256 hashes, so not even memory holds them.
const hashSecretId = (secretId: string): string =>
  createHash('sha256').update(secretId).digest('hex');

/** The secret_ids of one AppRole mount, by role. */
export class SecretIdStore {
  constructor(
    private readonly storage: BarrierStorage,
    private readonly prefix: string,
  ) {}

  generate(roleName: string, role: AppRole, body: JsonObject) {
    const ttl = requestedLimit(body, 'ttl', role.secretIdTtl);
    const numUses = requestedLimit(body, 'num_uses', role.secretIdNumUses);
    const secretId = newUuid();
    const now = Date.now();
    const entry: SecretIdEntry = {
      accessor: newAccessor(),
      createdAt: now,
      expiresAt: ttl > 0 ? now + ttl * 1000 : 0,
      usesLeft: numUses,
    };
    this.storage.put(`${this.prefix}${roleName}/${hashSecretId(secretId)}`, entry);
    return {
      secret_id: secretId,
      secret_id_accessor: entry.accessor,
      secret_id_ttl: ttl,
      secret_id_num_uses: numUses,
    };
  }

  /** Spends one use of a secret_id; false when it is unknown, expired or used up. */
  use(roleName: string, secretId: string): boolean {
    const key = `${this.prefix}${roleName}/${hashSecretId(secretId)}`;
    const entry = this.storage.get<SecretIdEntry>(key);
    if (!entry) return false;
    if (entry.expiresAt > 0 && entry.expiresAt <= Date.now()) {
      this.storage.delete(key);
      return false;
    }
    if (entry.usesLeft > 0) {
      entry.usesLeft -= 1;
      if (entry.usesLeft === 0) this.storage.delete(key);
      else this.storage.put(key, entry);
    }
    return true;
  }

  deleteAll(roleName: string): void {
    const keys = [...this.storage.entriesWithPrefix(`${this.prefix}${roleName}/`)];
    keys.forEach(([key]) => this.storage.delete(key));
  }
}

/** A per-secret_id ttl or num_uses may narrow, never widen, the role's limit. */
function requestedLimit(body: JsonObject, field: string, roleLimit: number): number {
  const raw = body[field];
  if (raw === undefined) return roleLimit;
  let value: number;
  try {
    value = field === 'ttl' ? parseDurationSeconds(raw) : Number(raw);
  } catch (error) {
    throw badRequest(`error parsing ${field}: ${(error as Error).message}`);
  }
  if (!Number.isInteger(value) || value < 0)
    throw badRequest(`${field} cannot be negative`);
  if (roleLimit > 0 && (value === 0 || value > roleLimit)) {
    const comparison = field === 'ttl' ? 'longer' : 'higher';
    throw badRequest(
      `${field} cannot be ${comparison} than the role's secret_id_${field}`,
    );
  }
  return value;
}
