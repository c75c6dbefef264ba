import { newAccessor, newServiceToken, rfc3339 } from './ids';
import type { BarrierStorage } from './storage';

/** Vault's default and maximum lease TTL for the token store: 32 days. */
export const SYSTEM_MAX_TTL = 768 * 3600;

export interface TokenEntry {
  id: string;
  accessor: string;
  policies: string[];
  path: string;
  displayName: string;
  meta: Record<string, string> | null;
  numUses: number;
  createdAt: number;
  creationTtl: number;
  explicitMaxTtl: number;
  /** ms since epoch; 0 = never expires (root tokens). */
  expiresAt: number;
  maxExpiresAt: number;
  renewable: boolean;
  orphan: boolean;
  period: number;
  /** Present on response-wrapping tokens: the stored answer. */
  wrapped?: { response: unknown; creationPath: string; wrappedAccessor: string };
}

export interface NewToken {
  policies: string[];
  path: string;
  displayName: string;
  ttl: number;
  explicitMaxTtl?: number;
  /** The mount's or role's max TTL; the smallest non-zero limit applies. */
  maxTtl?: number;
  numUses?: number;
  meta?: Record<string, string> | null;
  renewable?: boolean;
  orphan?: boolean;
  period?: number;
  id?: string;
  wrapped?: TokenEntry['wrapped'];
}

const PREFIX = 'token/';

/** Tokens live in barrier storage (encrypted at rest like everything else). */
export class TokenStore {
  constructor(private readonly storage: BarrierStorage) {}

  create(spec: NewToken): TokenEntry {
    const now = Date.now();
    const limits = [
      spec.explicitMaxTtl,
      spec.maxTtl,
      spec.ttl === 0 ? 0 : SYSTEM_MAX_TTL,
    ];
    const nonZero = limits.filter((limit): limit is number => !!limit && limit > 0);
    const maxTtl = nonZero.length ? Math.min(...nonZero) : 0;
    const ttl = maxTtl > 0 && spec.ttl > maxTtl ? maxTtl : spec.ttl;
    const entry: TokenEntry = {
      id: spec.id ?? newServiceToken(),
      accessor: newAccessor(),
      policies: spec.policies,
      path: spec.path,
      displayName: spec.displayName,
      meta: spec.meta ?? null,
      numUses: spec.numUses ?? 0,
      createdAt: now,
      creationTtl: ttl,
      explicitMaxTtl: spec.explicitMaxTtl ?? 0,
      expiresAt: ttl > 0 ? now + ttl * 1000 : 0,
      maxExpiresAt: maxTtl > 0 ? now + maxTtl * 1000 : 0,
      renewable: spec.renewable ?? ttl > 0,
      orphan: spec.orphan ?? false,
      period: spec.period ?? 0,
      wrapped: spec.wrapped,
    };
    this.storage.put(PREFIX + entry.id, entry);
    return entry;
  }

  /** A live token, or undefined when unknown, revoked or expired. */
  lookup(id: string | undefined): TokenEntry | undefined {
    if (!id) return undefined;
    const entry = this.storage.get<TokenEntry>(PREFIX + id);
    if (!entry) return undefined;
    if (entry.expiresAt > 0 && entry.expiresAt <= Date.now()) {
      this.revoke(entry.id);
      return undefined;
    }
    return entry;
  }

  /** Counts one use; a token whose uses run out is revoked. */
  consumeUse(entry: TokenEntry): void {
    if (entry.numUses <= 0) return;
    entry.numUses -= 1;
    if (entry.numUses === 0) this.revoke(entry.id);
    else this.storage.put(PREFIX + entry.id, entry);
  }

  revoke(id: string): void {
    this.storage.delete(PREFIX + id);
  }

  /** Extends the TTL to `increment` (or the original TTL), capped by the max TTL. */
  renew(entry: TokenEntry, increment: number | undefined): void {
    const now = Date.now();
    let ttl = increment && increment > 0 ? increment : entry.period || entry.creationTtl;
    if (entry.maxExpiresAt > 0) {
      ttl = Math.min(ttl, Math.max(0, Math.floor((entry.maxExpiresAt - now) / 1000)));
    }
    entry.expiresAt = now + ttl * 1000;
    this.storage.put(PREFIX + entry.id, entry);
  }

  /** Drops expired tokens so that the store does not grow without bound. */
  sweepExpired(): void {
    const now = Date.now();
    const expired: string[] = [];
    for (const [, value] of this.storage.entriesWithPrefix(PREFIX)) {
      const entry = value as TokenEntry;
      if (entry.expiresAt > 0 && entry.expiresAt <= now) expired.push(entry.id);
    }
    expired.forEach((id) => this.revoke(id));
  }
}

export function remainingTtl(entry: TokenEntry): number {
  if (entry.expiresAt === 0) return 0;
  return Math.max(0, Math.round((entry.expiresAt - Date.now()) / 1000));
}

/** The `data` of lookup-self and lookup, shaped as Vault returns it. */
export function tokenLookupData(entry: TokenEntry) {
  return {
    accessor: entry.accessor,
    creation_time: Math.floor(entry.createdAt / 1000),
    creation_ttl: entry.creationTtl,
    display_name: entry.displayName,
    entity_id: '',
    expire_time: entry.expiresAt > 0 ? rfc3339(entry.expiresAt) : null,
    explicit_max_ttl: entry.explicitMaxTtl,
    id: entry.id,
    issue_time: rfc3339(entry.createdAt),
    meta: entry.meta,
    // A wrapping token has one use in Vault; here its single use is the unwrap itself.
    num_uses: entry.wrapped ? 1 : entry.numUses,
    orphan: entry.orphan,
    path: entry.path,
    policies: entry.policies,
    renewable: entry.renewable,
    ttl: remainingTtl(entry),
    type: 'service',
  };
}

/** The `auth` block of a login or token creation answer. */
export function tokenAuthBlock(
  entry: TokenEntry,
  metadata: Record<string, string> | null,
) {
  return {
    client_token: entry.id,
    accessor: entry.accessor,
    policies: entry.policies,
    token_policies: entry.policies,
    metadata,
    lease_duration: remainingTtl(entry),
    renewable: entry.renewable,
    entity_id: '',
    token_type: 'service',
    orphan: entry.orphan,
    mfa_requirement: null,
    num_uses: entry.numUses,
  };
}
