import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;

beforeAll(async () => {
  server = await startDev();
});
afterAll(() => server.close());

describe('metrics and latency', () => {
  it('counts requests by method, normalised path and status in Prometheus format', async () => {
    await call(server, 'PUT', 'secret/data/metrics/a', {
      token: server.rootToken,
      body: { data: { a: 1 } },
    });
    await call(server, 'PUT', 'secret/data/metrics/b', {
      token: server.rootToken,
      body: { data: { a: 1 } },
    });
    await call(server, 'LIST', 'secret/metadata/metrics', { token: server.rootToken });
    const response = await fetch(`${server.url}/v1/sys/metrics?format=prometheus`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('# TYPE vault_dev_requests_total counter');
    expect(text).toMatch(
      /vault_dev_requests_total\{method="PUT",path="secret\/data",status="200"\} 2\n/,
    );
    expect(text).toMatch(
      /vault_dev_requests_total\{method="LIST",path="secret\/metadata",status="200"\} \d+/,
    );
    expect(text).not.toContain('metrics/a');
  });

  it('adds the configured latency to every request', async () => {
    const slow = await startDev({ latencyMs: 120 });
    try {
      const started = performance.now();
      await call(slow, 'GET', 'sys/seal-status');
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    } finally {
      await slow.close();
    }
  });
});
