import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVaultDevServer, type VaultDevServer } from '@vault-secrets/vault-dev';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callVault } from './vault-http';
import {
  initializeAndUnseal,
  mintWrappedSecretIds,
  provisionControllerAccess,
  type VaultKeys,
} from './vault-provision';

let dataDir: string;
let server: VaultDevServer | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dev-cluster-vault-'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function startVault(): Promise<string> {
  server = await startVaultDevServer({ port: 0, dataDir });
  return server.url;
}

/** Logs in as a controller would: unwrap the secret_id, then AppRole login. */
async function logInAsController(addr: string, roleId: string, wrapped: string) {
  const unwrapped = (await callVault(addr, {
    method: 'POST',
    path: 'sys/wrapping/unwrap',
    token: wrapped,
  })) as { data: { secret_id: string } };
  const login = (await callVault(addr, {
    method: 'POST',
    path: 'auth/approle/login',
    body: { role_id: roleId, secret_id: unwrapped.data.secret_id },
  })) as { auth: { client_token: string; lease_duration: number } };
  return login.auth;
}

describe('provisioning the development Vault', () => {
  it('initializes with 3 shares, threshold 2, and saves the keys before anything else', async () => {
    const addr = await startVault();
    let saved: VaultKeys | undefined;
    const keys = await initializeAndUnseal(addr, {}, async (fresh) => {
      saved = fresh;
    });

    expect(saved).toEqual(keys);
    expect(keys.unsealKeys).toHaveLength(3);
    const status = await callVault(addr, { method: 'GET', path: 'sys/seal-status' });
    expect(status).toMatchObject({ initialized: true, sealed: false, t: 2, n: 3 });
  });

  it('unseals a restarted Vault with the stored keys, and refuses without them', async () => {
    const addr = await startVault();
    const keys = await initializeAndUnseal(addr, {}, async () => {});
    await server?.close();
    const again = await startVault();

    await expect(initializeAndUnseal(again, {}, async () => {})).rejects.toThrow(
      /already initialized.*no root token and unseal keys/,
    );
    const reused = await initializeAndUnseal(again, keys, async () => {
      throw new Error('must not initialize twice');
    });
    expect(reused).toEqual(keys);
    const status = await callVault(again, { method: 'GET', path: 'sys/seal-status' });
    expect(status).toMatchObject({ sealed: false });
  });

  it('gives controllers short-lived tokens that reach the secrets path and nothing else', async () => {
    const addr = await startVault();
    const { rootToken } = await initializeAndUnseal(addr, {}, async () => {});
    const roleId = await provisionControllerAccess(addr, rootToken);
    const [wrapped] = await mintWrappedSecretIds(addr, rootToken, 1);
    const auth = await logInAsController(addr, roleId, wrapped ?? '');
    const token = auth.client_token;
    expect(auth.lease_duration).toBe(15 * 60);

    const secret = 'secret/data/maas/global/session-key';
    await callVault(addr, {
      method: 'POST',
      path: secret,
      token,
      body: { data: { k: 'v' } },
    });
    await expect(
      callVault(addr, { method: 'GET', path: secret, token }),
    ).resolves.toMatchObject({ data: { data: { k: 'v' } } });
    await expect(
      callVault(addr, { method: 'GET', path: 'secret/metadata/maas?list=true', token }),
    ).resolves.toMatchObject({ data: { keys: ['global/'] } });
    await expect(
      callVault(addr, {
        method: 'POST',
        path: 'secret/data/other',
        token,
        body: { data: {} },
      }),
    ).rejects.toThrow(/403.*permission denied/);
    await expect(
      callVault(addr, { method: 'GET', path: 'sys/mounts', token }),
    ).rejects.toThrow(/403/);
  });

  it('is idempotent: a second provisioning keeps the role_id', async () => {
    const addr = await startVault();
    const { rootToken } = await initializeAndUnseal(addr, {}, async () => {});
    const first = await provisionControllerAccess(addr, rootToken);
    expect(await provisionControllerAccess(addr, rootToken)).toBe(first);
  });

  it('mints single-use wrapped secret_ids that live at least an hour', async () => {
    const addr = await startVault();
    const { rootToken } = await initializeAndUnseal(addr, {}, async () => {});
    const roleId = await provisionControllerAccess(addr, rootToken);
    const wrapped = await mintWrappedSecretIds(addr, rootToken, 3);
    expect(new Set(wrapped).size).toBe(3);

    const lookup = (await callVault(addr, {
      method: 'POST',
      path: 'sys/wrapping/lookup',
      body: { token: wrapped[1] },
    })) as { data: { creation_ttl: number; creation_path: string } };
    expect(lookup.data.creation_ttl).toBeGreaterThanOrEqual(3600);
    expect(lookup.data.creation_path).toBe('auth/approle/role/maas-controller/secret-id');

    await logInAsController(addr, roleId, wrapped[0] ?? '');
    await expect(logInAsController(addr, roleId, wrapped[0] ?? '')).rejects.toThrow(
      /wrapping token is not valid/,
    );
  });
});
