import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, capturingLogger, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;
const log = capturingLogger();

beforeAll(async () => {
  server = await startDev({ logger: log.logger, maxRequestBytes: 4096 });
  await call(server, 'POST', 'secret/data/folder/item', {
    token: server.rootToken,
    body: { data: { value: 'very-secret-value' } },
  });
});
afterAll(() => server.close());

/** Several requests over one keep-alive socket with Node's client (any method name). */
function sendOnAgent(agent: Agent, method: string, path: string) {
  return new Promise<{ status: number; body: string; reused: boolean }>(
    (resolve, reject) => {
      const req = request(
        `${server.url}${path}`,
        { method, agent, headers: { 'X-Vault-Token': server.rootToken } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body, reused: req.reusedSocket }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('HTTP behaviour', () => {
  it('serves LIST on a keep-alive connection, between other methods', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const sequence = ['GET', 'LIST', 'GET', 'LIST', 'LIST', 'GET'];
      const results = [];
      for (const method of sequence) {
        const path =
          method === 'LIST'
            ? '/v1/secret/metadata/folder'
            : '/v1/secret/data/folder/item';
        results.push(await sendOnAgent(agent, method, path));
      }
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(JSON.parse(results[1]?.body ?? '{}').data).toEqual({ keys: ['item'] });
      expect(results.slice(1).every((r) => r.reused)).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('does not pile up listeners on a connection that carries many LISTs', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 25; i++) {
        const result = await sendOnAgent(agent, 'LIST', '/v1/secret/metadata/folder');
        expect(result.status).toBe(200);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      agent.destroy();
    }
  });

  it('sends JSON, Cache-Control: no-store, and the errors envelope', async () => {
    const ok = await call(server, 'GET', 'sys/seal-status');
    expect(ok.headers.get('content-type')).toBe('application/json');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const denied = await call(server, 'GET', 'secret/data/folder/item');
    expect(denied.headers.get('content-type')).toBe('application/json');
    expect(denied.headers.get('cache-control')).toBe('no-store');
    expect(denied.body).toEqual({ errors: ['permission denied'] });
    const raw = await fetch(`${server.url}/v1/secret/data/folder/item`, {
      method: 'LIST',
      headers: { 'X-Vault-Token': server.rootToken },
    });
    expect(raw.headers.get('cache-control')).toBe('no-store');
    expect(raw.status).toBe(405);
    for (const failed of [denied, await call(server, 'GET', 'nowhere/x')]) {
      expect(failed.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 405 as Vault does: no message from its own handlers, else "unsupported operation"', async () => {
    const wrong = await call(server, 'DELETE', 'sys/seal-status');
    expect(wrong).toMatchObject({ status: 405, body: { errors: [] } });
    const patch = await call(server, 'PATCH', 'sys/seal-status');
    expect(patch).toMatchObject({ status: 405, body: { errors: [] } });
    const unknownMethod = await call(server, 'PURGE', 'secret/data/folder/item', {
      token: server.rootToken,
    });
    expect(unknownMethod).toMatchObject({ status: 405, body: { errors: [] } });
    const logical = await call(server, 'DELETE', 'auth/token/lookup-self', {
      token: server.rootToken,
    });
    expect(logical).toMatchObject({
      status: 405,
      body: { errors: ['1 error occurred:\n\t* unsupported operation\n\n'] },
    });
    const outside = await fetch(`${server.url}/v2/sys/health`);
    expect(outside.status).toBe(404);
    const bare = await fetch(`${server.url}/v1/`, {
      headers: { 'X-Vault-Token': server.rootToken },
    });
    expect({ status: bare.status, body: await bare.json() }).toEqual({
      status: 404,
      body: { errors: [] },
    });
  });

  it('answers 404 "unsupported path" inside a mount, "no handler" outside any', async () => {
    const inside = await call(server, 'GET', 'auth/token/no-such-thing', {
      token: server.rootToken,
    });
    expect(inside).toMatchObject({
      status: 404,
      body: { errors: ['1 error occurred:\n\t* unsupported path\n\n'] },
    });
    const outside = await call(server, 'GET', 'nowhere/x', { token: server.rootToken });
    expect(outside).toMatchObject({
      status: 404,
      body: { errors: ['no handler for route "nowhere/x". route entry not found.'] },
    });
  });

  it('reads a body only on writes, as Vault does', async () => {
    const read = await fetch(`${server.url}/v1/secret/data/folder/gone`, {
      method: 'DELETE',
      headers: { 'X-Vault-Token': server.rootToken },
      body: 'not json',
    });
    expect(read.status).toBe(204);
    const write = await call(server, 'PUT', 'secret/data/folder/x', {
      token: server.rootToken,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(write.body).toEqual({ errors: ['no data provided'] });
    const broken = await fetch(`${server.url}/v1/secret/data/folder/x`, {
      method: 'PUT',
      headers: { 'X-Vault-Token': server.rootToken },
      body: '{"data":',
    });
    expect(await broken.json()).toEqual({ errors: ['error parsing JSON'] });
  });

  it('answers a request Node cannot parse with 400, the envelope and no-store', async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('BREW /v1/sys/health HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Cache-Control: no-store');
    expect(answer.endsWith('{"errors":[]}\n')).toBe(true);
  });

  it('refuses a body over the size limit with 413', async () => {
    const big = await call(server, 'POST', 'secret/data/big', {
      token: server.rootToken,
      body: { data: { blob: 'x'.repeat(5000) } },
    });
    expect(big).toMatchObject({ status: 413, body: { errors: ['error parsing JSON'] } });
    expect(big.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps tokens, bodies and secret values out of the request log', async () => {
    const lines = log.lines.join('');
    expect(lines).toContain('"path":"secret/data"');
    expect(lines).not.toContain(server.rootToken);
    expect(lines).not.toContain('very-secret-value');
    expect(lines).not.toContain('folder/item');
  });
});
