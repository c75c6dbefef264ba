import { afterEach, describe, expect, it } from 'vitest';
import { startVaultDevServer, type VaultDevServer } from '../src';
import { call } from './helpers';

let server: VaultDevServer;

afterEach(async () => {
  await server?.close();
});

async function initialized(shares = 3, threshold = 2) {
  server = await startVaultDevServer({ port: 0 });
  const init = await call(server, 'PUT', 'sys/init', {
    body: { secret_shares: shares, secret_threshold: threshold },
  });
  expect(init.status).toBe(200);
  return init.body as unknown as {
    keys: string[];
    keys_base64: string[];
    root_token: string;
  };
}

describe('seal, unseal and init', () => {
  it('starts uninitialized and sealed without --dev, with Vault seal-status shape', async () => {
    server = await startVaultDevServer({ port: 0 });
    const status = await call(server, 'GET', 'sys/seal-status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      type: 'shamir',
      initialized: false,
      sealed: true,
      t: 0,
      n: 0,
      progress: 0,
      nonce: '',
      migration: false,
      recovery_seal: false,
    });
    expect(status.body).not.toHaveProperty('cluster_id');
    expect((await call(server, 'GET', 'sys/init')).body).toEqual({ initialized: false });
    const unseal = await call(server, 'PUT', 'sys/unseal', { body: { key: 'abcd' } });
    expect(unseal).toMatchObject({
      status: 400,
      body: { errors: ['Vault is not initialized'] },
    });
  });

  it('initializes with Shamir shares in hex and base64 and stays sealed', async () => {
    const init = await initialized(5, 3);
    expect(init.keys).toHaveLength(5);
    expect(init.keys_base64).toHaveLength(5);
    expect(init.keys[0]).toMatch(/^[0-9a-f]{66}$/);
    expect(Buffer.from(init.keys_base64[0] ?? '', 'base64').toString('hex')).toBe(
      init.keys[0],
    );
    expect(init.root_token).toMatch(/^hvs\./);
    const status = await call(server, 'GET', 'sys/seal-status');
    expect(status.body).toMatchObject({ initialized: true, sealed: true, t: 3, n: 5 });
    const again = await call(server, 'PUT', 'sys/init', {
      body: { secret_shares: 1, secret_threshold: 1 },
    });
    expect(again).toMatchObject({
      status: 400,
      body: { errors: ['Vault is already initialized'] },
    });
  });

  it('counts progress with a nonce, ignores a repeated share, unseals at the threshold', async () => {
    const init = await initialized(3, 2);
    const first = await call(server, 'PUT', 'sys/unseal', {
      body: { key: init.keys[0] },
    });
    expect(first.body).toMatchObject({ sealed: true, progress: 1, t: 2, n: 3 });
    const nonce = first.body.nonce as string;
    expect(nonce).toMatch(/^[0-9a-f-]{36}$/);
    const repeated = await call(server, 'PUT', 'sys/unseal', {
      body: { key: init.keys_base64[0] },
    });
    expect(repeated.body).toMatchObject({ progress: 1, nonce });
    const second = await call(server, 'PUT', 'sys/unseal', {
      body: { key: init.keys_base64[2] },
    });
    expect(second.body).toMatchObject({ sealed: false, progress: 0, nonce: '' });
    expect(second.body.cluster_id).toEqual(expect.any(String));
    const reset = await call(server, 'PUT', 'sys/unseal', { body: { reset: true } });
    expect(reset).toMatchObject({ status: 400, body: { errors: ['vault is unsealed'] } });
  });

  it('resets progress, and refuses a missing, malformed or wrong key', async () => {
    const init = await initialized(3, 2);
    await call(server, 'PUT', 'sys/unseal', { body: { key: init.keys[0] } });
    const reset = await call(server, 'PUT', 'sys/unseal', { body: { reset: true } });
    expect(reset.body).toMatchObject({ progress: 0, nonce: '', sealed: true });
    const missing = await call(server, 'PUT', 'sys/unseal', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]).toContain("'key' must be specified");
    const malformed = await call(server, 'PUT', 'sys/unseal', {
      body: { key: 'not a key!' },
    });
    expect(malformed.status).toBe(400);
    const notJson = await fetch(`${server.url}/v1/sys/unseal`, {
      method: 'PUT',
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const other = await initializedOther();
    await call(server, 'PUT', 'sys/unseal', { body: { key: init.keys[0] } });
    const wrong = await call(server, 'PUT', 'sys/unseal', { body: { key: other } });
    expect(wrong).toMatchObject({
      status: 400,
      body: { errors: ['Unseal failed, invalid key'] },
    });
    expect((await call(server, 'GET', 'sys/seal-status')).body).toMatchObject({
      sealed: true,
      progress: 0,
    });
  });

  it('answers 503 "Vault is sealed" on logical paths while sealed', async () => {
    const init = await initialized(1, 1);
    for (const [method, path] of [
      ['GET', 'secret/data/x'],
      ['GET', 'auth/token/lookup-self'],
      ['GET', 'sys/mounts'],
      ['POST', 'auth/approle/login'],
      ['LIST', 'secret/metadata/'],
      ['GET', 'no/such/mount'],
    ] as const) {
      const result = await call(server, method, path, { token: init.root_token });
      expect(result.status, `${method} ${path}`).toBe(503);
      expect(result.body).toEqual({ errors: ['Vault is sealed'] });
    }
    // Like Vault, a malformed request is refused before the seal is looked at.
    const badTtl = await call(server, 'GET', 'secret/data/x', {
      token: init.root_token,
      headers: { 'X-Vault-Wrap-TTL': 'soon' },
    });
    expect(badTtl.status).toBe(400);
    const metrics = await fetch(`${server.url}/v1/sys/metrics?format=prometheus`);
    expect(await metrics.text()).toContain(
      'vault_dev_requests_total{method="GET",path="secret/data",status="503"} 1',
    );
  });

  it('seals with sys/seal only with sudo (the root token)', async () => {
    const init = await initialized(1, 1);
    await call(server, 'PUT', 'sys/unseal', { body: { key: init.keys[0] } });
    const other = await call(server, 'POST', 'auth/token/create', {
      token: init.root_token,
      body: { policies: ['default'] },
    });
    const userToken = (other.body.auth as { client_token: string }).client_token;
    const denied = await call(server, 'PUT', 'sys/seal', { token: userToken });
    expect(denied.status).toBe(403);
    expect(denied.body.errors?.[0]).toContain('permission denied');
    const sealed = await call(server, 'PUT', 'sys/seal', { token: init.root_token });
    expect(sealed.status).toBe(204);
    expect((await call(server, 'GET', 'sys/seal-status')).body.sealed).toBe(true);
    // Vault answers a seal request while sealed with 204, whatever the token.
    expect(
      (await call(server, 'PUT', 'sys/seal', { token: init.root_token })).status,
    ).toBe(204);
    expect((await call(server, 'PUT', 'sys/seal')).status).toBe(204);
    expect(await call(server, 'GET', 'sys/seal')).toMatchObject({
      status: 405,
      body: { errors: [] },
    });
  });
});

/** A share from a different Vault: right shape, wrong key. */
async function initializedOther(): Promise<string> {
  const other = await startVaultDevServer({ port: 0 });
  try {
    const init = await call(other, 'PUT', 'sys/init', {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    return (init.body.keys as string[])[1] ?? '';
  } finally {
    await other.close();
  }
}
