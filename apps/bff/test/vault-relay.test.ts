import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { configureVaultResponseSchema, errorBodySchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPortUrl,
  startAnsweringServer,
  startSilentServer,
  type RunningServer,
} from '../src/vault/test-support/other-servers';
import type { HttpClient, HttpResult } from './support/http-client';
import {
  configureRequest,
  leakedSecrets,
  vaultApi,
  type AppRoleSetup,
  type DevVault,
} from './vault-support/provisioning';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';

let databaseUrl: string;
let db: pg.Pool;
let testbed: VaultTestbed;
let vault: DevVault;
let role: AppRoleSetup;
let a: VaultTestController;
let b: VaultTestController;
let adminOnA: HttpClient;
const secrets: string[] = [];

beforeAll(async () => {
  testbed = await startVaultTestbed();
  ({ databaseUrl, db, vault, role } = testbed);
  a = await startVaultController(databaseUrl, 'region-a');
  b = await startVaultController(databaseUrl, 'region-b');
  adminOnA = await a.admin();
});

afterAll(() => testbed.close());

async function configureThroughA(id: string, body: Record<string, unknown>) {
  if (typeof body.wrappedToken === 'string') secrets.push(body.wrappedToken);
  return adminOnA.post(`/api/v1/controllers/${id}/vault`, body);
}

const errorOf = (result: HttpResult) => errorBodySchema.parse(result.body).error;

describe('configuring another controller through the relay', () => {
  it('region-a configures region-b: b writes its own vault.json and is marked configured', async () => {
    const result = await configureThroughA(
      b.controllerId,
      await configureRequest(vault, role),
    );

    expect(result.status).toBe(200);
    const { controller } = configureVaultResponseSchema.parse(result.body);
    expect(controller).toMatchObject({
      id: b.controllerId,
      name: 'region-b',
      vaultConfigured: true,
    });
    expect(controller.vault?.authenticated).toBe(true);
    const saved = JSON.parse(await readFile(path.join(b.dir, 'vault.json'), 'utf8')) as {
      secretId: string;
    };
    secrets.push(saved.secretId);
    await expect(readFile(path.join(a.dir, 'vault.json'))).rejects.toThrow(/ENOENT/);
    expect(a.logs.text()).toContain('vault configure relayed');
    expect(b.logs.text()).toContain('vault configure requested by a controller');
  });

  it("passes the target's error through unchanged (a reused wrapped token)", async () => {
    const request = await configureRequest(vault, role, { overwrite: true });
    await vaultApi(vault.url, request.wrappedToken, 'POST', 'sys/wrapping/unwrap');
    const result = await configureThroughA(b.controllerId, request);
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe('VAULT_WRAPPING_TOKEN_INVALID');
  });

  it('checks the input before relaying it', async () => {
    const before = b.logs.text().split('configure requested').length;
    const result = await configureThroughA(b.controllerId, {
      ...(await configureRequest(vault, role)),
      secretsPath: '../etc',
    });
    expect(result.status).toBe(400);
    expect(errorOf(result).details?.fields).toHaveProperty('secretsPath');
    expect(b.logs.text().split('configure requested').length).toBe(before);
  });

  it('answers 404 CONTROLLER_NOT_FOUND for an unknown id', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const result = await configureThroughA(id, await configureRequest(vault, role));
      expect(result.status).toBe(404);
      expect(errorOf(result).code).toBe('CONTROLLER_NOT_FOUND');
    }
  });

  it('answers 409 CONTROLLER_OFFLINE naming a controller that has stopped', async () => {
    const c = await startVaultController(databaseUrl, 'region-c');
    await c.close();
    const result = await configureThroughA(
      c.controllerId,
      await configureRequest(vault, role),
    );
    expect(result.status).toBe(409);
    expect(errorOf(result).code).toBe('CONTROLLER_OFFLINE');
    expect(errorOf(result).message).toContain('region-c');
  });

  it('answers 503 CONTROLLER_OFFLINE naming a controller that shows online but does not answer', async () => {
    const id = randomUUID();
    const url = await closedPortUrl();
    await db.query(
      'INSERT INTO controllers (id, name, url, last_seen) VALUES ($1, $2, $3, now())',
      [id, 'region-crashed', url],
    );
    const result = await configureThroughA(id, await configureRequest(vault, role));
    expect(result.status).toBe(503);
    expect(errorOf(result)).toMatchObject({ code: 'CONTROLLER_OFFLINE' });
    expect(errorOf(result).message).toContain('region-crashed');
    expect(errorOf(result).message).toContain(url);
    await db.query('DELETE FROM controllers WHERE id = $1', [id]);
  });
});

describe('targets that answer wrongly', () => {
  /** Registers an online controller whose address is `server`, which is not a controller. */
  async function impostor(name: string, server: RunningServer): Promise<string> {
    const id = randomUUID();
    await db.query(
      'INSERT INTO controllers (id, name, url, last_seen) VALUES ($1, $2, $3, now())',
      [id, name, server.url],
    );
    return id;
  }

  it("passes a target's refusal of the signature through, but not as a 401 to the browser", async () => {
    const server = await startAnsweringServer(
      { error: { code: 'RPC_UNAUTHORIZED', message: 'Controller call refused: test.' } },
      401,
    );
    try {
      const id = await impostor('region-refusing', server);
      const result = await configureThroughA(id, await configureRequest(vault, role));
      expect(result.status).toBe(502);
      expect(errorOf(result)).toEqual({
        code: 'RPC_UNAUTHORIZED',
        message: 'Controller call refused: test.',
      });
    } finally {
      await server.close();
    }
  });

  it('answers 502 RELAY_FAILED naming the target when its answer is not ours', async () => {
    const server = await startAnsweringServer('<html>proxy login</html>', 200);
    try {
      const id = await impostor('region-proxied', server);
      const result = await configureThroughA(id, await configureRequest(vault, role));
      expect(result.status).toBe(502);
      expect(errorOf(result).code).toBe('RELAY_FAILED');
      expect(errorOf(result).message).toContain('region-proxied');
    } finally {
      await server.close();
    }
  });

  it('does not follow a redirect with a signed call', async () => {
    let received = 0;
    const listen = async (server: Server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const receiver = createServer((_req, res) => {
      received += 1;
      res.end('{}');
    });
    const receiverUrl = await listen(receiver);
    const redirector = createServer((req, res) => {
      res.writeHead(307, { Location: `${receiverUrl}${req.url ?? '/'}` }).end();
    });
    const redirectorUrl = await listen(redirector);
    try {
      const id = await impostor('region-redirecting', {
        url: redirectorUrl,
        close: async () => {},
      });
      const result = await configureThroughA(id, await configureRequest(vault, role));
      expect(result.status).toBe(502);
      expect(errorOf(result).code).toBe('RELAY_FAILED');
      expect(received).toBe(0);
    } finally {
      redirector.close();
      receiver.close();
    }
  });

  it('answers 502 RELAY_FAILED when the target does not answer in time', async () => {
    const impatient = await startVaultController(databaseUrl, 'region-impatient', {
      extension: { relayTimeoutMs: 300 },
    });
    const server = await startSilentServer();
    try {
      const id = await impostor('region-silent', server);
      const client = await impatient.admin();
      const request = await configureRequest(vault, role);
      secrets.push(request.wrappedToken);
      const result = await client.post(`/api/v1/controllers/${id}/vault`, request);
      expect(result.status).toBe(502);
      expect(errorOf(result).code).toBe('RELAY_FAILED');
      expect(errorOf(result).message).toMatch(
        /region-silent .* did not answer within 0.3 s/,
      );
    } finally {
      await server.close();
      await impatient.close();
    }
  });
});

describe('secrecy', () => {
  it('no wrapped token or secret id reaches either controller log', () => {
    const logs = a.logs.text() + b.logs.text();
    expect(secrets.length).toBeGreaterThan(3);
    expect(leakedSecrets(logs, secrets)).toEqual([]);
  });
});
