import { afterEach, describe, expect, it } from 'vitest';
import { startVaultDevServer, type VaultDevServer } from '../src';
import { call } from './helpers';

let server: VaultDevServer;

afterEach(async () => {
  await server?.close();
});

describe('init and unseal input checks', () => {
  it('rejects a bad seal shape', async () => {
    server = await startVaultDevServer({ port: 0 });
    const bad = await call(server, 'PUT', 'sys/init', {
      body: { secret_shares: 2, secret_threshold: 3 },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: {
        errors: ['invalid seal configuration: threshold cannot be larger than shares'],
      },
    });
    const oneOfMany = await call(server, 'PUT', 'sys/init', {
      body: { secret_shares: 300, secret_threshold: 1 },
    });
    expect(oneOfMany.body.errors).toEqual([
      'invalid seal configuration: threshold must be greater than one for multiple shares',
    ]);
  });

  it('checks unseal requests in Vault order: reset, key, encoding, init, length', async () => {
    server = await startVaultDevServer({ port: 0 });
    const reset = await call(server, 'PUT', 'sys/unseal', { body: { reset: true } });
    expect(reset).toMatchObject({
      status: 200,
      body: { initialized: false, progress: 0 },
    });
    const garbled = await call(server, 'PUT', 'sys/unseal', { body: { key: 'no key!' } });
    expect(garbled.body).toEqual({
      errors: ["'key' must be a valid hex or base64 string"],
    });
    const init = await call(server, 'PUT', 'sys/init', {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    const keys = init.body.keys as string[];
    const short = await call(server, 'PUT', 'sys/unseal', { body: { key: 'abcd' } });
    expect(short).toMatchObject({
      status: 400,
      body: { errors: ['key is shorter than minimum 16 bytes'] },
    });
    const long = await call(server, 'PUT', 'sys/unseal', {
      body: { key: Buffer.alloc(40, 1).toString('base64') },
    });
    expect(long.body).toEqual({ errors: ['key is longer than maximum 33 bytes'] });
    const progress = await call(server, 'PUT', 'sys/unseal', { body: { key: keys[0] } });
    expect(progress.body).toMatchObject({ progress: 1 });
  });
});
