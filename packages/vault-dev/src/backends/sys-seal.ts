import { badRequest } from '../core/vault-error';
import {
  noContent,
  parseGoBool,
  plainReply,
  type HandlerRequest,
  type Route,
  type VaultReply,
} from '../core/routing';
import type { VaultCore } from '../core/vault-core';

/** The Vault version vault-dev answers as; clients compare it, so keep it plausible. */
export const VAULT_VERSION = '1.19.0';
const BUILD_DATE = '2025-03-04T12:00:00Z';
export const CLUSTER_NAME = 'vault-dev-cluster';

export function sealStatus(core: VaultCore) {
  const { seal } = core;
  const unsealed = !core.sealed;
  return {
    type: 'shamir',
    initialized: seal.initialized,
    sealed: !unsealed,
    t: seal.threshold,
    n: seal.shares,
    progress: seal.progress.progress,
    nonce: seal.progress.nonce,
    version: VAULT_VERSION,
    build_date: BUILD_DATE,
    migration: false,
    ...(unsealed ? { cluster_name: CLUSTER_NAME, cluster_id: seal.clusterId } : {}),
    recovery_seal: false,
    storage_type: core.storage.persistent ? 'file' : 'inmem',
  };
}

// A share is the 32-byte root key (one share) or a Shamir share of it (one byte more).
const MIN_KEY_BYTES = 16;
const MAX_KEY_BYTES = 33;

/**
 * Vault's order: hex first, but only when it gives a plausible key length (a base64
 * key may also be valid hex); otherwise strict base64 with its padding.
 */
function decodeShare(key: string): Buffer {
  if (/^[0-9a-fA-F]*$/.test(key) && key.length % 2 === 0) {
    const hex = Buffer.from(key, 'hex');
    if (hex.length >= MIN_KEY_BYTES && hex.length <= MAX_KEY_BYTES) return hex;
  }
  if (/^[A-Za-z0-9+/]*={0,2}$/.test(key) && key.length % 4 === 0) {
    return Buffer.from(key, 'base64');
  }
  throw badRequest("'key' must be a valid hex or base64 string");
}

function checkShareLength(share: Buffer): void {
  if (share.length < MIN_KEY_BYTES) {
    throw badRequest(`key is shorter than minimum ${MIN_KEY_BYTES} bytes`);
  }
  if (share.length > MAX_KEY_BYTES) {
    throw badRequest(`key is longer than maximum ${MAX_KEY_BYTES} bytes`);
  }
}

/** Same checks in the same order as Vault's sys/unseal handler and core. */
async function unseal(core: VaultCore, request: HandlerRequest): Promise<VaultReply> {
  if (parseGoBool(request.body.reset) ?? false) {
    if (!core.sealed) throw badRequest('vault is unsealed');
    core.seal.resetProgress();
    return plainReply(sealStatus(core));
  }
  const key = typeof request.body.key === 'string' ? request.body.key : '';
  if (!key) {
    throw badRequest(
      "'key' must be specified in request body as JSON, or 'reset' set to true",
    );
  }
  const share = decodeShare(key);
  if (!core.seal.initialized) throw badRequest('Vault is not initialized');
  checkShareLength(share);
  if (core.sealed) await core.submitUnsealShare(share);
  return plainReply(sealStatus(core));
}

async function initialize(core: VaultCore, request: HandlerRequest): Promise<VaultReply> {
  const shares = Number(request.body.secret_shares ?? 0);
  const threshold = Number(request.body.secret_threshold ?? 0);
  const { keys, rootToken } = await core.initialize(shares, threshold);
  return plainReply({
    keys: keys.map((key) => key.toString('hex')),
    keys_base64: keys.map((key) => key.toString('base64')),
    root_token: rootToken,
  });
}

export function sealRoutes(core: VaultCore): Route[] {
  return [
    {
      pattern: /^seal-status$/,
      metric: 'sys/seal-status',
      unauthenticated: true,
      raw: true,
      operations: { read: () => plainReply(sealStatus(core)) },
    },
    {
      pattern: /^unseal$/,
      metric: 'sys/unseal',
      unauthenticated: true,
      raw: true,
      operations: { update: (r) => unseal(core, r) },
    },
    {
      pattern: /^init$/,
      metric: 'sys/init',
      unauthenticated: true,
      raw: true,
      operations: {
        read: () => plainReply({ initialized: core.seal.initialized }),
        update: (r) => initialize(core, r),
      },
    },
    {
      pattern: /^seal$/,
      metric: 'sys/seal',
      sudo: true,
      raw: true,
      // Vault answers 204 to a seal request while already sealed.
      sealedAnswer: noContent,
      operations: {
        update: async () => {
          await core.sealVault();
          return noContent();
        },
      },
    },
  ];
}
