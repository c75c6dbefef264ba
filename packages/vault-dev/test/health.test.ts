import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVaultDevServer } from '../src';
import { call, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;

beforeAll(async () => {
  server = await startDev();
});
afterAll(() => server.close());

describe('sys/health', () => {
  it('follows the sys/health status rules and query codes, with HEAD too', async () => {
    expect((await call(server, 'GET', 'sys/health')).status).toBe(200);
    const custom = await call(server, 'GET', 'sys/health?activecode=299');
    expect(custom.status).toBe(299);
    expect(custom.body).toMatchObject({
      initialized: true,
      sealed: false,
      standby: false,
    });
    const badCode = await call(server, 'GET', 'sys/health?sealedcode=abc');
    expect(badCode).toMatchObject({ status: 400, body: { errors: [] } });
    expect((await call(server, 'GET', 'sys/health?standbyok=maybe')).status).toBe(400);
    expect(
      (await call(server, 'GET', 'sys/health?standbyok=true&perfstandbyok=1')).status,
    ).toBe(200);
    const head = await fetch(`${server.url}/v1/sys/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');

    const fresh = await startVaultDevServer({ port: 0 });
    try {
      const uninit = await call(fresh, 'GET', 'sys/health');
      expect(uninit.status).toBe(501);
      expect(uninit.body).toMatchObject({ initialized: false, sealed: true });
      expect((await call(fresh, 'GET', 'sys/health?uninitcode=204')).status).toBe(204);
      await call(fresh, 'PUT', 'sys/init', {
        body: { secret_shares: 1, secret_threshold: 1 },
      });
      expect((await call(fresh, 'GET', 'sys/health')).status).toBe(503);
      expect((await call(fresh, 'GET', 'sys/health?sealedcode=200')).status).toBe(200);
      const sealedHead = await fetch(`${fresh.url}/v1/sys/health`, { method: 'HEAD' });
      expect(sealedHead.status).toBe(503);
    } finally {
      await fresh.close();
    }
  });
});
